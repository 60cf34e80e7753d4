"""Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị, with Hướng dẫn 45-HD/BTCTW ngày 21/11/2025.

Replaces QĐ 50 (quy hoạch) and QĐ 80 (bổ nhiệm) from 08/10/2025. Encoded: Điều 19 (chỉ quy hoạch
chức danh cao hơn), Điều 25 k2–3 (tuổi quy hoạch 60/120 tháng, thời điểm tính tuổi), Điều 26 k1–2
(hệ số 1,0–1,5; 3 người một chức danh, 3 chức danh một người), Điều 29 (đưa ra khỏi quy hoạch khi
bị kỷ luật), Điều 34 k3, k5 (12 tháng giữ chức vụ; trọn nhiệm kỳ, đặc biệt ≥ 48 tháng); thời hạn
sau kỷ luật 24/36/60 tháng (số điều chưa xác định, [P]).
"""
from __future__ import annotations

import datetime as dt
import math

from ..engine.dates import fmt_date
from ..engine.errors import MissingFacts, NoValueInForce
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

_APPT01 = VerdictFactory("APPT-01")
_APPT02 = VerdictFactory("APPT-02")
_APPT04 = VerdictFactory("APPT-04")

SINCE = dt.date(2025, 10, 8)


@rule("PLAN-01", since=SINCE)
def d25_k2_age_60_120(case, t, p):
    """Đ25 k2: ≥ 60 months (đối tượng 1) / ≥ 120 (đối tượng 2) at the reference month."""
    return common.check_planning_age(VerdictFactory("PLAN-01"), case, t, p, groups_required=True)


@rule("PLAN-03", since=SINCE)
def d26_k2_three_per_title(body, t, p):
    return common.check_per_slot(VerdictFactory("PLAN-03"), body, t, p)


@rule("PLAN-04", since=SINCE)
def d26_k2_three_titles_per_cadre(body, t, p):
    return common.check_titles_per_cadre(VerdictFactory("PLAN-04"), body, t, p)


_PLAN05 = VerdictFactory("PLAN-05")


@rule("PLAN-05", since=SINCE)
def d26_k1_committee_coefficient(body, t, p):
    """Đ26 k1: planned members 1,0–1,5 × seats (15 → at most 23: rounded up)."""
    coefficient = p("planning.committee_coefficient")
    low, high = coefficient.value["min"], coefficient.value["max"]
    planned = common.planned_by_title(body, t)
    problems, checked = [], []
    for (title_id, term), cadres in sorted(planned.items()):
        title = body.dataset.titles[title_id]
        if not common.is_membership_title(title.name):
            continue
        seats = sum(post.slots for post in body.dataset.posts_of_title(title_id) if post.valid_on(t))
        if seats == 0:
            raise MissingFacts(f"số lượng (vị trí, số chỗ) của {title.name}")
        lo, hi = math.ceil(low * seats - 1e-9), math.ceil(high * seats - 1e-9)
        text = f"{title.name} {term}: {len(cadres)} người quy hoạch / {seats} chỗ (từ {lo} đến {hi})"
        (checked if lo <= len(cadres) <= hi else problems).append(text)
    if not problems and not checked:
        return _PLAN05.not_applicable("Không có quy hoạch ủy viên ban chấp hành, ban thường vụ, ủy ban kiểm tra.", coefficient)
    if problems:
        return _PLAN05.failed(f"Ngoài hệ số {common.num(low)}–{common.num(high)}: {common.listing(problems)}.", coefficient)
    return _PLAN05.passed(f"Trong hệ số {common.num(low)}–{common.num(high)}: {common.listing(checked)}.", coefficient)


_PLAN06 = VerdictFactory("PLAN-06")


@rule("PLAN-06", since=SINCE)
def d19_only_higher_titles(case, t, p):
    """Đ19: "Chỉ quy hoạch cán bộ vào chức danh (chức vụ) cao hơn chức danh đang đảm nhiệm"."""
    rule_param = p("planning.only_higher_titles")
    considered, problems = [], []
    for entry in case.cadre.planning_in_force(t):
        try:
            p.store.value_at("planning.only_higher_titles", entry.approved, p.province)  # type: ignore[arg-type]
        except NoValueInForce:
            continue                      # approved before QĐ 377: not subject to Điều 19
        position = case.cadre.position_at(entry.approved)  # type: ignore[arg-type]
        if position is None:
            raise MissingFacts(f"chức vụ đang giữ khi phê duyệt quy hoạch {entry.title.name} ({fmt_date(entry.approved)})")  # type: ignore[arg-type]
        current = position.post.title
        if entry.title.rank is None or current.rank is None:
            raise MissingFacts(f"bậc (rank) của chức danh {entry.title.name} hoặc {current.name}")
        text = f"{entry.title.name} (bậc {entry.title.rank}) so với {current.name} (bậc {current.rank})"
        (considered if entry.title.rank > current.rank else problems).append(text)
    if problems:
        return _PLAN06.failed(f"Quy hoạch không cao hơn chức danh đang giữ: {common.listing(problems)}.", rule_param)
    if not considered:
        return _PLAN06.not_applicable("Không có quy hoạch còn hiệu lực được phê duyệt từ 08/10/2025.", rule_param)
    return _PLAN06.passed(f"Quy hoạch vào chức danh cao hơn: {common.listing(considered)}.", rule_param)


@rule("PLAN-07", since=SINCE)
def d29_removed_when_disciplined(case, t, p):
    return common.check_removed_on_discipline(VerdictFactory("PLAN-07"), case, t, p)


_PLAN11 = VerdictFactory("PLAN-11")


@rule("PLAN-11", since=SINCE)
def d26_k3_no_central_ratio(body, t, p):
    """QĐ 377 replaced QĐ 50's 25% / 15%; no central numeric ratio was found ([NF])."""
    try:
        p("planning.min_women_percent")
    except NoValueInForce as e:
        return _PLAN11.not_applicable(f"Tỷ lệ nữ ≥ 25%, trẻ ≥ 15% là của QĐ 50-QĐ/TW, hết hiệu lực từ 08/10/2025. {e.message}")
    return common.check_planning_shares(_PLAN11, body, t, p)   # a province sets its own ratios


@rule("APPT-01", since=SINCE)
def d34_k3_twelve_months_in_post(case, t, p):
    return common.check_months_in_post(_APPT01, case, t, p)


@rule("APPT-02", since=SINCE)
def d34_k5_one_full_term_or_48(case, t, p):
    return common.check_appointment_age(_APPT02, case, t, p, special_floor=True)


@rule("APPT-04", since=SINCE)
def discipline_bar_24_36_60(case, t, p):
    return common.check_discipline_bar(_APPT04, case, t, p)
