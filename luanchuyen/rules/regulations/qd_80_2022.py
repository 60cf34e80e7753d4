"""Quy định 80-QĐ/TW ngày 18/08/2022 của Bộ Chính trị (phân cấp quản lý cán bộ; bổ nhiệm, giới thiệu ứng cử).

Điều 18 (điều kiện bổ nhiệm chức vụ cao hơn): k3 — giữ chức vụ hiện tại hoặc tương đương ít nhất
2 năm; k5 — lần đầu / cao hơn phải đủ tuổi công tác trọn 1 nhiệm kỳ (trường hợp đặc biệt do cấp có
thẩm quyền quyết định); k7 — thời hạn sau kỷ luật 12/30/60 tháng. Replaced by QĐ 377 on 08/10/2025.
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

_APPT01 = VerdictFactory("APPT-01")
_APPT02 = VerdictFactory("APPT-02")
_APPT04 = VerdictFactory("APPT-04")

SINCE = dt.date(2022, 8, 18)
UNTIL = dt.date(2025, 10, 7)


@rule("APPT-01", since=SINCE, until=UNTIL)
def d18_k3_two_years_in_post(case, t, p):
    return common.check_months_in_post(_APPT01, case, t, p)


@rule("APPT-02", since=SINCE, until=UNTIL)
def d18_k5_one_full_term(case, t, p):
    """No 48-month floor in QĐ 80: below one term is a fail unless an approved exception."""
    return common.check_appointment_age(_APPT02, case, t, p, special_floor=False)


@rule("APPT-04", since=SINCE, until=UNTIL)
def d18_k7_discipline_bar(case, t, p):
    return common.check_discipline_bar(_APPT04, case, t, p)


# -- before QĐ 80 ----------------------------------------------------------------------------------
# Until 17/08/2022 appointments followed Quy định 105-QĐ/TW (2017), which is not encoded. The scope of
# the three rules (a first or higher appointment) is still known: a move that is not higher is not
# concerned; a higher one is left to the organization committee.
_EARLIER = dt.date(1990, 1, 1)
_BEFORE = dt.date(2022, 8, 17)


def _before_qd_80(V: VerdictFactory, case, t) -> object:
    higher, current, dest = common.is_higher_move(case)
    if not higher:
        return common.not_higher(V, current, dest, case=case)
    return V.needs_review(f"Trước Quy định 80-QĐ/TW (18/08/2022) điều kiện bổ nhiệm theo Quy định 105-QĐ/TW chưa được "
                          f"mã hóa; {common.move_text(current, dest)}: cần cán bộ tổ chức xem xét.")


@rule("APPT-01", since=_EARLIER, until=_BEFORE)
def before_qd_80_time_in_post(case, t, p):
    return _before_qd_80(_APPT01, case, t)


@rule("APPT-02", since=_EARLIER, until=_BEFORE)
def before_qd_80_age(case, t, p):
    return _before_qd_80(_APPT02, case, t)


@rule("APPT-04", since=_EARLIER, until=_BEFORE)
def before_qd_80_discipline(case, t, p):
    return _before_qd_80(_APPT04, case, t)
