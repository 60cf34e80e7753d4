"""Luật Cán bộ, công chức 2008, sửa đổi, bổ sung bởi Luật số 52/2019/QH14 (hiệu lực 01/07/2020).

Điều 82 khoản 3: cán bộ, công chức đang trong thời hạn xử lý kỷ luật, đang bị điều tra, truy
tố, xét xử thì không được … điều động, luân chuyển. Replaced by Luật CBCC 80/2025 on 01/07/2025.
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

_ROT07 = VerdictFactory("ROT-07")


@rule("ROT-07", since=dt.date(2020, 7, 1), until=dt.date(2025, 6, 30), key=common.key_barred)
def d82_k3_no_rotation_while_disciplined_or_prosecuted(case, t, p):
    return common.check_barred(_ROT07, case, t, p, unlisted_proceedings_review=False)
