"""Quy định 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ.

In force until replaced by QĐ 377-QĐ/TW on 08/10/2025. Article numbers were not found
(regulations.md §2.1): citations name the topic; numbers are [P] (vietnamnet, dantri).
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

SINCE = dt.date(2021, 12, 27)
UNTIL = dt.date(2025, 10, 7)


@rule("PLAN-01", since=SINCE, until=UNTIL)
def age_for_next_term(case, t, p):
    """"đủ tuổi công tác 2 nhiệm kỳ trở lên, ít nhất phải trọn một nhiệm kỳ kế tiếp" (no 1/2 groups)."""
    return common.check_planning_age(VerdictFactory("PLAN-01"), case, t, p, groups_required=False)


@rule("PLAN-03", since=SINCE, until=UNTIL)
def three_per_title(body, t, p):
    return common.check_per_slot(VerdictFactory("PLAN-03"), body, t, p)


@rule("PLAN-04", since=SINCE, until=UNTIL)
def three_titles_per_cadre(body, t, p):
    return common.check_titles_per_cadre(VerdictFactory("PLAN-04"), body, t, p)


@rule("PLAN-07", since=SINCE, until=UNTIL)
def removed_when_disciplined(case, t, p):
    """Removal "khi bị kỷ luật từ khiển trách trở lên"."""
    return common.check_removed_on_discipline(VerdictFactory("PLAN-07"), case, t, p)


_PLAN11 = VerdictFactory("PLAN-11")


@rule("PLAN-11", since=SINCE, until=UNTIL)
def women_and_young_shares(body, t, p):
    """Women ≥ 25%, young ≥ 15% of the planning list (young: < 40 province/district, < 45 central)."""
    return common.check_planning_shares(_PLAN11, body, t, p)
