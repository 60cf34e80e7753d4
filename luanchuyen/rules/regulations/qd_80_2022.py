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

SINCE = dt.date(2022, 8, 18)
UNTIL = dt.date(2025, 10, 7)


@rule("APPT-01", since=SINCE, until=UNTIL)
def d18_k3_two_years_in_post(case, t, p):
    return common.check_months_in_post(VerdictFactory("APPT-01"), case, t, p)


@rule("APPT-02", since=SINCE, until=UNTIL)
def d18_k5_one_full_term(case, t, p):
    """No 48-month floor in QĐ 80: below one term is a fail unless an approved exception."""
    return common.check_appointment_age(VerdictFactory("APPT-02"), case, t, p, special_floor=False)


@rule("APPT-04", since=SINCE, until=UNTIL)
def d18_k7_discipline_bar(case, t, p):
    return common.check_discipline_bar(VerdictFactory("APPT-04"), case, t, p)
