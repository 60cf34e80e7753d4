"""Luật Cán bộ, công chức số 80/2025/QH15 ngày 24/06/2025 (hiệu lực 01/07/2025).

Điều 38 khoản 2: "Cán bộ, công chức đang trong thời hạn xử lý kỷ luật, đang bị điều tra, truy
tố, xét xử thì không được ứng cử, đề cử, bổ nhiệm, điều động, luân chuyển, biệt phái, đào tạo,
bồi dưỡng theo quy định của pháp luật và quy định của cấp có thẩm quyền."
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

_ROT07 = VerdictFactory("ROT-07")


@rule("ROT-07", since=dt.date(2025, 7, 1), key=common.key_barred)
def d38_k2_no_rotation_while_disciplined_or_prosecuted(case, t, p):
    return common.check_barred(_ROT07, case, t, p, unlisted_proceedings_review=False)
