"""Retirement (RET-01…03): the month a cadre reaches retirement age, and months left.

Law (DOMAIN.md §6; research/regulations.md §4):

* BLLĐ 2019 Điều 169 khoản 2, NĐ 135/2020/NĐ-CP Điều 4 (from 01/01/2021): men 60 years 3 months
  in 2021, +3 months a year to 62 years in 2028; women 55 years 4 months in 2021, +4 months a
  year to 60 years in 2035. The age that applies is the one in force in the calendar year in
  which the person *reaches* it: the first year Y ≥ 2021 in which birth month + age(Y) falls in Y.
* Those who reached the old age (60 men / 55 women) before 2021 retired under the old rule
  (BLLĐ 2012 Điều 187). Projections made at a reference time before 01/01/2021 use the old rule,
  the law in force then.
* NĐ 135/2020 Điều 3: the retirement date is the last day of that month; the pension starts on the
  1st of the next month; an unknown birth day counts as day 1 and an unknown month as January.
* NĐ 83/2022/NĐ-CP: women eligible (listed posts) retire at 60 years.

``months_left(R, t) = (R.year − t.year) × 12 + (R.month − t.month)``: the day of ``t`` is ignored.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .engine.dates import last_day_of_month
from .engine.fast import frozen_dataclass

MEN = "nam"
WOMEN = "nu"
GENDERS = (MEN, WOMEN)

NEW_LAW_FROM = dt.date(2021, 1, 1)
FIRST_YEAR = 2021
OLD_AGE_MONTHS = {MEN: 60 * 12, WOMEN: 55 * 12}
START_AGE_MONTHS = {MEN: 60 * 12 + 3, WOMEN: 55 * 12 + 4}
STEP_MONTHS = {MEN: 3, WOMEN: 4}
FINAL_AGE_MONTHS = {MEN: 62 * 12, WOMEN: 60 * 12}
LATE_RETIREMENT_AGE_MONTHS = 60 * 12     # NĐ 83/2022: eligible women

RULE_NEW = "nd_135_2020"
RULE_OLD = "blld_2012"
RULE_LATE = "nd_83_2022"
RULE_TEXT = {
    RULE_NEW: "Bộ luật Lao động 2019, Điều 169 khoản 2; Nghị định 135/2020/NĐ-CP, Điều 4",
    RULE_OLD: "Bộ luật Lao động 2012, Điều 187 (tuổi nghỉ hưu trước năm 2021)",
    RULE_LATE: "Nghị định 83/2022/NĐ-CP, Điều 2 (nữ cán bộ thuộc diện nghỉ hưu ở tuổi cao hơn)",
}
DATE_RULE_TEXT = "Nghị định 135/2020/NĐ-CP, Điều 3"

_BIRTH_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@frozen_dataclass
class BirthDate:
    """A birth date that may be partial: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "BirthDate":
        """Raises ``ValueError`` with a Vietnamese message on a malformed date."""
        m = _BIRTH_RE.match(text.strip()) if isinstance(text, str) else None
        if not m:
            raise ValueError(f"ngày sinh «{text}» phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if year < 1900 or year > 2100:
            raise ValueError(f"năm sinh {year} không hợp lệ")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"tháng sinh {month} không hợp lệ")
        if day is not None:
            try:
                dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                raise ValueError(f"ngày sinh «{text}» không tồn tại") from None
        return cls(year, month, day)

    @property
    def as_date(self) -> dt.date:
        """Unknown day → 1, unknown month → January (NĐ 135/2020 Điều 3)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def is_partial(self) -> bool:
        return self.month is None or self.day is None

    @property
    def text(self) -> str:
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{self.month:02d}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month; ``index`` = year × 12 + month − 1."""

    index: int

    @classmethod
    def of(cls, year: int, month: int) -> "Month":
        return cls(year * 12 + month - 1)

    @property
    def year(self) -> int:
        return self.index // 12

    @property
    def month(self) -> int:
        return self.index % 12 + 1

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return last_day_of_month(self.year, self.month)

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def text(self) -> str:
        return f"{self.month:02d}/{self.year}"


@dataclass(frozen=True, slots=True)
class Retirement:
    """Retirement of one person under one law: the age applied and the month it is reached."""

    gender: str
    birth: BirthDate
    age_months: int          # age applied, in months (61 years 6 months = 738)
    month: Month             # retirement month R
    rule: str                # nd_135_2020 | blld_2012 | nd_83_2022

    @property
    def age_years_part(self) -> int:
        return self.age_months // 12

    @property
    def age_months_part(self) -> int:
        return self.age_months % 12

    @property
    def age_text(self) -> str:
        years, months = divmod(self.age_months, 12)
        return f"{years} tuổi" + (f" {months} tháng" if months else "")

    @property
    def retirement_date(self) -> dt.date:
        return self.month.last_day

    @property
    def pension_from(self) -> dt.date:
        return Month(self.month.index + 1).first_day

    @property
    def citation(self) -> str:
        return RULE_TEXT[self.rule]

    def as_dict(self) -> dict:
        """The §10.2 shape of ``luanchuyen retirement``."""
        return {
            "retirement_age": {"years": self.age_years_part, "months": self.age_months_part},
            "retirement_month": self.month.iso,
            "retirement_date": self.retirement_date.isoformat(),
            "pension_from": self.pension_from.isoformat(),
        }


def retirement_age_in_year(gender: str, year: int) -> int:
    """Retirement age (months) in force in calendar ``year`` ≥ 2021 under NĐ 135/2020."""
    if gender not in GENDERS:
        raise ValueError(f"giới tính «{gender}» phải là nam hoặc nu")
    if year < FIRST_YEAR:
        raise ValueError("lộ trình tuổi nghỉ hưu của NĐ 135/2020 bắt đầu từ năm 2021")
    age = START_AGE_MONTHS[gender] + STEP_MONTHS[gender] * (year - FIRST_YEAR)
    return min(age, FINAL_AGE_MONTHS[gender])


@lru_cache(maxsize=8192)
def _retirement(gender: str, year: int, month: int, late: bool, old_law: bool) -> tuple[int, int, str]:
    """(age months, retirement month index, rule) for a birth month; cached (many cadres share one)."""
    born = year * 12 + month - 1
    if late and gender == WOMEN:
        return LATE_RETIREMENT_AGE_MONTHS, born + LATE_RETIREMENT_AGE_MONTHS, RULE_LATE
    old_age = OLD_AGE_MONTHS[gender]
    if old_law or born + old_age < FIRST_YEAR * 12:
        return old_age, born + old_age, RULE_OLD
    y = FIRST_YEAR
    while True:
        age = retirement_age_in_year(gender, y)
        reached = born + age
        if reached // 12 == y:
            return age, reached, RULE_NEW
        y += 1


def compute_retirement(gender: str, birth: BirthDate | str, late_retirement_eligible: bool = False,
                       *, law_on: dt.date | None = None) -> Retirement:
    """Retirement of a person; ``law_on`` (a reference time) before 01/01/2021 applies the old rule.

    >>> compute_retirement("nam", "1965-06").month.iso
    '2026-12'
    """
    if gender not in GENDERS:
        raise ValueError(f"giới tính «{gender}» phải là nam hoặc nu")
    if isinstance(birth, str):
        birth = BirthDate.parse(birth)
    old_law = law_on is not None and law_on < NEW_LAW_FROM
    age, index, rule = _retirement(gender, birth.year, birth.month or 1, bool(late_retirement_eligible), old_law)
    return Retirement(gender, birth, age, Month(index), rule)


def retirement_month(gender: str, birth: BirthDate | str, late_retirement_eligible: bool = False,
                     *, law_on: dt.date | None = None) -> Month:
    """The retirement month R (DOMAIN.md §6)."""
    return compute_retirement(gender, birth, late_retirement_eligible, law_on=law_on).month


def months_left(r: Month, t: dt.date) -> int:
    """Whole calendar months from the month of ``t`` to R; negative = already retired."""
    return r.index - (t.year * 12 + t.month - 1)


def age_on(birth: BirthDate | str, t: dt.date) -> int:
    """Age in completed years at ``t`` (the birthday counts on its day; unknown day/month → 1/January)."""
    if isinstance(birth, str):
        birth = BirthDate.parse(birth)
    month = birth.month or 1
    day = birth.day or 1
    return t.year - birth.year - ((t.month, t.day) < (month, day))
