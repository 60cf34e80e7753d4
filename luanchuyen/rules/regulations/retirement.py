"""Retirement rules RET-01…03 as verdicts; the computation is :mod:`luanchuyen.rules.retirement`.

BLLĐ 2019 Điều 169 k2 and NĐ 135/2020 (from 01/01/2021); BLLĐ 1994/2012 (60/55) before;
NĐ 135/2020 Điều 3 (date, partial birth dates); NĐ 83/2022 (eligible women at 60).
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import fmt_date, fmt_months
from ..engine.errors import MissingFacts
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from ..retirement import RULE_LATE, RULE_OLD, Month
from . import common

_RET01 = VerdictFactory("RET-01")


def _reached(V, case, t, p, basis):
    cadre = case.cadre
    index, age, rule_used = cadre.retirement_at(t)
    used = [basis]
    if rule_used == RULE_LATE:
        used.append(p("retirement.late_women_age_years"))
    elif rule_used == RULE_OLD and basis.name != "retirement.old_ages":
        used = [p("retirement.old_ages")]
    month = Month(index)
    left = index - (t.year * 12 + t.month - 1)
    years, months = divmod(age, 12)
    age_text = f"{years} tuổi" + (f" {months} tháng" if months else "")
    text = (f"Tuổi nghỉ hưu áp dụng {age_text} (đạt tuổi năm {month.year}); tháng nghỉ hưu {month.text}"
            f"{common.birth_note(cadre)}")
    if left >= 0:
        return V.passed(f"{text}; còn {fmt_months(left)} công tác tính từ {fmt_date(t)}.", *used)
    return V.failed(f"{text}; tại {fmt_date(t)} đã quá tuổi nghỉ hưu {fmt_months(-left)}.", *used)


@rule("RET-01", since=dt.date(1995, 1, 1), until=dt.date(2020, 12, 31))
def old_rule_60_55(case, t, p):
    """Before 2021: men 60, women 55 (BLLĐ 1994 Đ145, BLLĐ 2012 Đ187)."""
    return _reached(_RET01, case, t, p, p("retirement.old_ages"))


@rule("RET-01", since=dt.date(2021, 1, 1))
def blld_2019_d169_k2_roadmap(case, t, p):
    """From 2021: the roadmap, by the year the age is reached."""
    return _reached(_RET01, case, t, p, p("retirement.roadmap"))


_RET02 = VerdictFactory("RET-02")


@rule("RET-02", since=dt.date(2021, 1, 1))
def nd_135_d3_date(case, t, p):
    """NĐ 135 Đ3: last day of the month; pension from the 1st of the next; unknown day/month → 1/January."""
    date_rule = p("retirement.date_rule")
    index, _age, _rule = case.cadre.retirement_at(t)
    month = Month(index)
    return _RET02.passed(f"Thời điểm nghỉ hưu: hết ngày {fmt_date(month.last_day)}; hưởng lương hưu từ "
                         f"{fmt_date(Month(index + 1).first_day)}{common.birth_note(case.cadre)}.", date_rule)


_RET03 = VerdictFactory("RET-03")


@rule("RET-03", since=dt.date(2022, 10, 20))
def nd_83_women_at_60(case, t, p):
    """NĐ 83/2022: eligible women retire at 60 (cap 60 women, 65 men)."""
    cadre = case.cadre
    if not cadre.late_retirement_eligible:
        return _RET03.not_applicable("Không thuộc diện nghỉ hưu ở tuổi cao hơn (Nghị định 83/2022/NĐ-CP).")
    late_age = p("retirement.late_women_age_years")
    if cadre.gender is None:
        raise MissingFacts("giới tính")
    if cadre.gender == "nam":
        return _RET03.needs_review("Hồ sơ ghi thuộc diện nghỉ hưu ở tuổi cao hơn nhưng là nam: Nghị định 83/2022/NĐ-CP cho "
                                   "phép đến tối đa 65 tuổi do cấp có thẩm quyền quyết định; đang tính theo tuổi nghỉ hưu "
                                   "thông thường.", late_age)
    month = cadre.retirement_month(t)
    return _RET03.passed(f"Nữ cán bộ thuộc diện nghỉ hưu ở tuổi cao hơn: nghỉ hưu ở tuổi {late_age.value}, tháng nghỉ hưu "
                         f"{month.text}{common.birth_note(cadre)}.", late_age)
