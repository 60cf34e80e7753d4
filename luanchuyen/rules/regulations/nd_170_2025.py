"""Nghị định 170/2025/NĐ-CP (hiệu lực 01/07/2025), Điều 42–51: luân chuyển công chức lãnh đạo, quản lý.

The verbatim state-side mirror of QĐ 65. Encoded here: Điều 43 k4 (còn đủ thời hạn bổ nhiệm khi
luân chuyển không phải người địa phương / hai nhiệm kỳ), k5 (giấy chứng nhận sức khỏe trong 06
tháng); Điều 49 k2 (nhận xét, đánh giá khi hết thời gian luân chuyển).
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import add_months, fmt_date
from ..engine.errors import MissingFacts
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

SINCE = dt.date(2025, 7, 1)
_ROT02 = VerdictFactory("ROT-02")


@rule("ROT-02", since=SINCE)
def d43_k4_appointment_term_left(case, t, p):
    """Đ43 k4: "phải còn đủ thời gian công tác theo thời hạn bổ nhiệm"."""
    return common.check_months_left(_ROT02, case, t, p,
                                    "rotation.min_months_left_non_local_two_terms",
                                    common.NON_LOCAL_OR_TWO_TERMS)


_ROT08 = VerdictFactory("ROT-08")


@rule("ROT-08", since=SINCE, key=common.key_health)
def d43_k5_health_certificate(case, t, p):
    """Đ43 k5: "Có giấy chứng nhận sức khỏe … cấp trong thời hạn 06 tháng"."""
    max_age = p("rotation.health_certificate_max_age_months")
    issued = case.cadre.health_certificate
    if issued is None:
        raise MissingFacts("ngày cấp giấy chứng nhận sức khỏe")
    if issued > t:
        return _ROT08.needs_review(f"Giấy chứng nhận sức khỏe cấp ngày {fmt_date(issued)}, sau thời điểm luân chuyển "
                                   f"{fmt_date(t)}; cần giấy cấp trước thời điểm này.", max_age)
    earliest = add_months(t, -max_age.value)
    if issued >= earliest:
        return _ROT08.passed(lambda: f"Giấy chứng nhận sức khỏe cấp ngày {fmt_date(issued)}, trong thời hạn "
                                     f"{max_age.value} tháng trước {fmt_date(t)}.", max_age)   # memoised by key: rare
    return _ROT08.failed(f"Giấy chứng nhận sức khỏe cấp ngày {fmt_date(issued)}, quá {max_age.value} tháng trước "
                         f"{fmt_date(t)} (phải cấp từ ngày {fmt_date(earliest)}).", max_age)


_ROT10 = VerdictFactory("ROT-10")
_END_KINDS = {"tu_kiem_diem": "bản tự kiểm điểm của cán bộ", "noi_den_ket_thuc": "nhận xét, đánh giá của nơi đến",
              "cap_quyet_dinh": "nhận xét, đánh giá của cấp quyết định luân chuyển"}


@rule("ROT-10", since=SINCE)
def d49_k2_end_evaluations(case, t, p):
    """Đ49 k2: at the end — self-review, receiving side, deciding level."""
    proposal = case.proposal
    if proposal is None:
        raise MissingFacts("đề xuất luân chuyển")
    required = p("rotation.end_evaluation_required")
    end = proposal.actual_end or proposal.end
    if end is None:
        raise MissingFacts("ngày kết thúc luân chuyển")
    if t < end:
        return _ROT10.not_applicable(f"Luân chuyển chưa kết thúc (kết thúc {fmt_date(end)}).", required)
    if proposal.evaluations is None:
        raise MissingFacts("nhận xét, đánh giá khi kết thúc luân chuyển (đề xuất chưa có danh sách evaluations)")
    kinds = {e.kind for e in proposal.evaluations}
    missing = [text for kind, text in _END_KINDS.items() if kind not in kinds]
    if missing:
        return _ROT10.failed(f"Luân chuyển kết thúc ngày {fmt_date(end)} nhưng còn thiếu: {', '.join(missing)}.", required)
    return _ROT10.passed(f"Luân chuyển kết thúc ngày {fmt_date(end)}; đã có đủ tự kiểm điểm, nhận xét của nơi đến và "
                         "của cấp quyết định.", required)
