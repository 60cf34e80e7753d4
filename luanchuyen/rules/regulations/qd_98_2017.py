"""Quy định 98-QĐ/TW ngày 07/10/2017 của Bộ Chính trị về luân chuyển cán bộ.

In force from 07/10/2017 until replaced by QĐ 65-QĐ/TW on 28/04/2022. Its numbers live in the
parameter files (dated 2017-10-07); the versions here keep decisions of that era re-runnable.
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

SINCE = dt.date(2017, 10, 7)
UNTIL = dt.date(2022, 4, 27)

_ROT01, _ROT02, _ROT03, _ROT04, _ROT07, _ROT15, _ROT16 = (
    VerdictFactory(rule_id) for rule_id in ("ROT-01", "ROT-02", "ROT-03", "ROT-04", "ROT-07", "ROT-15", "ROT-16"))


@rule("ROT-01", since=SINCE, until=UNTIL)
def d5_k3_two_terms_left(case, t, p):
    """Đ5 k3: "Còn thời gian công tác ít nhất 2 nhiệm kỳ (10 năm) tính từ thời điểm đi luân chuyển"."""
    return common.check_months_left(_ROT01, case, t, p, "rotation.min_months_left_training",
                                    common.TRAINING)


@rule("ROT-02", since=SINCE, until=UNTIL)
def d5_k3_one_term_left_non_local(case, t, p):
    """Đ5 k3: non-local / two-term rotations "phải đủ thời gian công tác ít nhất trọn một nhiệm kỳ"."""
    return common.check_months_left(_ROT02, case, t, p,
                                    "rotation.min_months_left_non_local_two_terms",
                                    common.NON_LOCAL_OR_TWO_TERMS)


@rule("ROT-03", since=SINCE, until=UNTIL, key=common.key_planning)
def subjects_in_planning(case, t, p):
    """Đối tượng: "cán bộ trẻ, có năng lực, triển vọng, trong quy hoạch"."""
    return common.check_in_planning(_ROT03, case, t, p)


@rule("ROT-04", since=SINCE, until=UNTIL, key=common.key_period)
def min_duration(case, t, p):
    return common.check_min_duration(_ROT04, case, t, p)


@rule("ROT-07", since=SINCE, until=dt.date(2020, 6, 30), key=common.key_barred)
def d5_no_disciplined_cadre(case, t, p):
    """Đ5: "Không điều động … những cán bộ bị kỷ luật, năng lực yếu, uy tín giảm sút…".

    The text names discipline only; an open investigation is left to the competent level.
    """
    return common.check_barred(_ROT07, case, t, p, unlisted_proceedings_review=True)


@rule("ROT-15", since=SINCE, until=UNTIL)
def two_consecutive_terms(case, t, p):
    return common.check_two_terms(_ROT15, case, t, p, proposal_context=case.proposal is not None)


@rule("ROT-16", since=SINCE, until=UNTIL)
def non_local(case, t, p):
    return common.check_non_local(_ROT16, case, t, p)
