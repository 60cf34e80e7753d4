"""Quy định 65-QĐ/TW ngày 28/4/2022 của Bộ Chính trị về luân chuyển cán bộ (thay QĐ 98 từ 28/04/2022).

Articles encoded: Điều 1 k2 (trong quy hoạch), k4 (không tăng thêm chức danh); Điều 4 k2b (không
phải người địa phương, hai nhiệm kỳ), k3 (chức vụ tương đương); Điều 5 (10 năm công tác); Điều 6
(nhận xét, đánh giá hằng năm); Điều 8 (ít nhất 36 tháng); Điều 10 (bố trí sau luân chuyển);
Điều 11 (bảo lưu phụ cấp). The official full text was not found (regulations.md §1); the state
mirror NĐ 170/2025 Điều 42–51 is cited beside it from 01/07/2025.
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import add_months, fmt_date, full_months_between, last_day_of_month
from ..engine.errors import MissingFacts
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

SINCE = dt.date(2022, 4, 28)

_ROT01, _ROT02, _ROT03, _ROT04, _ROT15, _ROT16 = (
    VerdictFactory(rule_id) for rule_id in ("ROT-01", "ROT-02", "ROT-03", "ROT-04", "ROT-15", "ROT-16"))


@rule("ROT-01", since=SINCE)
def d5_ten_years_left(case, t, p):
    """Đ5: "Có thời gian công tác còn ít nhất 10 năm tính từ thời điểm luân chuyển"."""
    return common.check_months_left(_ROT01, case, t, p, "rotation.min_months_left_training",
                                    common.TRAINING)


@rule("ROT-02", since=SINCE, until=dt.date(2025, 6, 30))
def one_term_left_non_local(case, t, p):
    """QĐ 65 has no separate clause found ([NF]); the parameter keeps QĐ 98's one term, labelled [D]."""
    return common.check_months_left(_ROT02, case, t, p,
                                    "rotation.min_months_left_non_local_two_terms",
                                    common.NON_LOCAL_OR_TWO_TERMS)


@rule("ROT-03", since=SINCE, key=common.key_planning)
def d1_k2_in_planning(case, t, p):
    """Đ1 k2: "Cán bộ luân chuyển phải trong quy hoạch…"; Đ4 k2a."""
    return common.check_in_planning(_ROT03, case, t, p)


@rule("ROT-04", since=SINCE, key=common.key_period)
def d8_min_duration(case, t, p):
    """Đ8: "Thời gian luân chuyển ít nhất là 3 năm (36 tháng)"."""
    return common.check_min_duration(_ROT04, case, t, p)


_ROT05 = VerdictFactory("ROT-05")


@rule("ROT-05", since=SINCE)
def d4_k3_equivalent_post(case, t, p):
    """Đ4 k3: equivalent post by default; higher only for outstanding capacity, by the competent level."""
    principle = p("rotation.equivalent_post_principle")
    current = case.current_post
    if current is None:
        raise MissingFacts(f"chức vụ đang giữ tại {fmt_date(t)}")
    if not case.to_posts:
        raise MissingFacts("vị trí đến")
    dest = max(case.to_posts, key=lambda post: post.title.rank if post.title.rank is not None else -1)
    if current.title.rank is None or dest.title.rank is None:
        raise MissingFacts("bậc (rank) của chức danh đang giữ hoặc chức danh đến")
    if dest.title.rank == current.title.rank:
        return _ROT05.passed((_compare_text, "Chức vụ nơi đến tương đương: ", dest, current, "."), principle)
    if dest.title.rank < current.title.rank:
        return _ROT05.warn((_compare_text, "Chức vụ nơi đến thấp hơn: ", dest, current,
                            "; nguyên tắc là bố trí chức vụ tương đương."), principle)
    if case.proposal is not None and case.proposal.outstanding_capacity:
        return _ROT05.passed((_compare_text, "Chức vụ nơi đến cao hơn: ", dest, current,
                              "; đề xuất ghi cán bộ có phẩm chất, năng lực nổi trội (cấp có thẩm quyền xem xét, quyết định)."),
                             principle)
    return _ROT05.special_case((_compare_text, "Chức vụ nơi đến cao hơn: ", dest, current,
                                ", nhưng đề xuất không ghi năng lực nổi trội; bố trí cao hơn chỉ do cấp có thẩm quyền xem "
                                "xét, quyết định."), principle)


def _compare_text(head: str, dest, current, tail: str) -> str:
    return (f"{head}{common.post_name(dest)} (bậc {dest.title.rank}) so với chức vụ đang giữ "
            f"{common.post_name(current)} (bậc {current.title.rank}){tail}")


_ROT06 = VerdictFactory("ROT-06")


@rule("ROT-06", since=SINCE)
def d1_k4_no_new_titles(case, t, p):
    """Đ1 k4: "Không tăng thêm chức danh để luân chuyển cán bộ"."""
    rule_param = p("rotation.no_new_titles")
    proposal = case.proposal
    dataset = case.dataset
    notes = []
    warning = None
    for post in case.to_posts:
        if not post.valid_on(t) or not post.unit.valid_on(t):
            return _ROT06.failed(f"Vị trí {common.post_name(post)} không có trong danh mục tại {fmt_date(t)}; "
                                 "không tăng thêm chức danh để luân chuyển.", rule_param)
        holders = []
        by_cadre = dataset.proposals_by_cadre
        own_id = case.cadre.id
        for cadre, position in dataset.occupants(post.id):
            if cadre.id == own_id:
                continue
            if (position.start is not None and position.start > t) or (position.end is not None and position.end <= t):
                continue
            leaving = False
            for other in by_cadre.get(cadre.id, ()):
                if other.start <= t <= (other.actual_end or other.end or t):
                    leaving = True
                    break
            if not leaving:
                holders.append(cadre.full_name)
        free = post.slots - len(holders)
        if free <= 0:
            return _ROT06.failed((_no_free_slot_text, post, holders, t), rule_param)
        if proposal is not None and warning is None:
            start, end, own = proposal.start.toordinal(), (proposal.end or proposal.start).toordinal(), proposal.id
            competing = [other for other, other_start, other_end in _proposal_spans_to(dataset, post.id)
                         if other_start <= end and start <= other_end and other != own]
            if len(competing) >= free:
                warning = (_competing_text, post, free, competing)
        notes.append((post, free))
    if warning:
        return _ROT06.warn(warning, rule_param)
    return _ROT06.passed((_free_slots_text, t, notes), rule_param)


def _proposal_spans_to(dataset, post_id: str) -> list[tuple[str, int, int]]:
    """(id, start, planned end or start) of the dataset's proposals to ``post_id``, dates as ordinals
    (compared faster); the index is built once."""
    index = dataset._cache.get("proposal_spans_to")
    if index is None:
        index = {}
        for proposal in dataset.proposals:
            span = (proposal.id, proposal.start.toordinal(), (proposal.end or proposal.start).toordinal())
            for post in proposal.to_posts:
                index.setdefault(post.id, []).append(span)
        dataset._cache["proposal_spans_to"] = index
    return index.get(post_id, ())


def _competing_text(post, free: int, competing: list[str]) -> str:
    return (f"Vị trí {common.post_name(post)} còn {free}/{post.slots} chỗ nhưng có đề xuất khác cùng vào "
            f"trong thời gian trùng: {', '.join(competing)}.")


def _no_free_slot_text(post, holders: list[str], t: dt.date) -> str:
    return (f"Vị trí {common.post_name(post)} có {post.slots} chỗ, đang có {len(holders)} người giữ "
            f"tại {fmt_date(t)} ({common.listing(holders, 4)}); không còn chỗ, không tăng thêm chức danh.")


def _free_slots_text(t: dt.date, notes: list) -> str:
    free = "; ".join(f"{common.post_name(post)} còn {n}/{post.slots} chỗ" for post, n in notes)
    return f"Vị trí đến có sẵn trong danh mục tại {fmt_date(t)}: {free}."


_ROT09 = VerdictFactory("ROT-09")


@rule("ROT-09", since=SINCE)
def d6_yearly_evaluation(case, t, p):
    """Đ6 (NĐ 170 Đ49 k1): the receiving side evaluates the rotated cadre every year."""
    proposal = case.proposal
    if proposal is None:
        raise MissingFacts("đề xuất luân chuyển")
    period = p("rotation.evaluation_period_months")
    due_month = p("rotation.evaluation_due_month")
    if t < proposal.start:
        return _ROT09.not_applicable(f"Chưa bắt đầu luân chuyển (bắt đầu {fmt_date(proposal.start)}).", period)
    end = proposal.actual_end or proposal.end
    upto = min(t, end) if end else t
    years = full_months_between(proposal.start, upto) // period.value
    if years < 1:
        first = add_months(proposal.start, period.value)
        return _ROT09.not_applicable(f"Chưa tròn năm luân chuyển đầu tiên (tròn năm vào {fmt_date(first)}).", period)
    if proposal.evaluations is None:
        raise MissingFacts("nhận xét, đánh giá hằng năm của nơi đến (đề xuất chưa có danh sách evaluations)")
    have = {e.year for e in proposal.evaluations if e.kind == "hang_nam" and e.year is not None}
    overdue, pending = [], []
    for i in range(1, years + 1):
        year = (add_months(proposal.start, period.value * i) - dt.timedelta(days=1)).year
        due = last_day_of_month(year + 1, due_month.value)
        if year in have:
            continue
        (overdue if due < t else pending).append(f"năm {year} (hạn {fmt_date(due)})")
    if overdue:
        return _ROT09.failed(f"Thiếu nhận xét, đánh giá hằng năm của nơi đến: {', '.join(overdue)}.", period, due_month)
    tail = f"; chưa đến hạn: {', '.join(pending)}" if pending else ""
    return _ROT09.passed(f"Đã có nhận xét, đánh giá hằng năm cho {years} năm luân chuyển đã qua{tail}.", period, due_month)


_ROT11 = VerdictFactory("ROT-11")


def _coef(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@rule("ROT-11", since=SINCE)
def d11_allowance_preserved(case, t, p):
    """Đ11 (NĐ 170 Đ51 k1): a lower allowance at the destination → the current one is kept."""
    proposal = case.proposal
    if proposal is None:
        raise MissingFacts("đề xuất luân chuyển")
    rule_param = p("rotation.allowance_preserved")
    end = proposal.actual_end or proposal.end
    if t < proposal.start or (end is not None and t > end):
        return _ROT11.not_applicable(f"Tại {fmt_date(t)} cán bộ không trong thời gian luân chuyển.", rule_param)
    allowance = proposal.allowance
    if allowance is None or allowance.current is None or allowance.destination is None:
        raise MissingFacts("hệ số phụ cấp chức vụ trước và tại nơi luân chuyển (allowance)")
    if allowance.destination >= allowance.current:
        return _ROT11.not_applicable(f"Phụ cấp chức vụ nơi đến ({_coef(allowance.destination)}) không thấp hơn phụ cấp "
                                     f"đang hưởng ({_coef(allowance.current)}).", rule_param)
    if allowance.paid is None:
        raise MissingFacts("hệ số phụ cấp chức vụ thực hưởng trong thời gian luân chuyển")
    if allowance.paid >= allowance.current:
        return _ROT11.passed(f"Phụ cấp nơi đến {_coef(allowance.destination)} thấp hơn; được bảo lưu "
                             f"{_coef(allowance.current)} (đang hưởng {_coef(allowance.paid)}).", rule_param)
    return _ROT11.failed(f"Phụ cấp nơi đến {_coef(allowance.destination)} thấp hơn phụ cấp trước luân chuyển "
                         f"{_coef(allowance.current)} nhưng chỉ được hưởng {_coef(allowance.paid)}; phải bảo lưu.", rule_param)


_ROT12 = VerdictFactory("ROT-12")
_PLACEMENT_TEXT = {"tro_ve_noi_cu": "trở về nơi công tác cũ", "noi_khac": "bố trí nơi khác",
                   "on_dinh_noi_den": "bố trí ổn định tại nơi đến"}


@rule("ROT-12", since=SINCE)
def d10_stable_placement(case, t, p):
    """Đ10 (NĐ 170 Đ50 k2): a decision to keep the cadre at the destination ends the rotation status."""
    proposal = case.proposal
    if proposal is None:
        raise MissingFacts("đề xuất luân chuyển")
    rule_param = p("rotation.stable_placement_ends_rotation")
    placement = proposal.placement
    if placement is None:
        return _ROT12.not_applicable("Chưa có quyết định bố trí sau luân chuyển.", rule_param)
    if placement.kind == "van_ban":
        return _ROT12.needs_review(f"Phương án bố trí sau luân chuyển chỉ ghi bằng văn bản («{placement.text}»); cần xác "
                                   "định có phải quyết định bố trí ổn định tại nơi đến không, số và ngày quyết định.",
                                   rule_param)
    if placement.kind != "on_dinh_noi_den":
        return _ROT12.not_applicable(f"Phương án sau luân chuyển: {_PLACEMENT_TEXT[placement.kind]}.", rule_param)
    if placement.date is None:
        return _ROT12.needs_review("Có phương án bố trí ổn định tại nơi đến nhưng chưa ghi ngày quyết định.", rule_param)
    decision = f" số {placement.decision}" if placement.decision else ""
    if placement.date > t:
        return _ROT12.not_applicable(f"Quyết định{decision} bố trí ổn định tại nơi đến có hiệu lực từ "
                                     f"{fmt_date(placement.date)}, sau thời điểm xét.", rule_param)
    return _ROT12.passed(f"Quyết định{decision} ngày {fmt_date(placement.date)} bố trí ổn định tại nơi đến: từ ngày này "
                         "cán bộ không còn là cán bộ luân chuyển.", rule_param)


@rule("ROT-15", since=SINCE)
def d4_k2b_two_consecutive_terms(case, t, p):
    """Đ4 k2b; CT 45 mục 3: head "quá 2 nhiệm kỳ liên tiếp (từ 8 năm trở lên)" in one place."""
    return common.check_two_terms(_ROT15, case, t, p, proposal_context=case.proposal is not None)


@rule("ROT-16", since=SINCE)
def d4_k2b_non_local(case, t, p):
    """Đ4 k2b; CT 45; KL 201: key titles held by non-locals."""
    return common.check_non_local(_ROT16, case, t, p)


def rotation_status(proposal, t: dt.date) -> str:
    """chua_bat_dau | dang_luan_chuyen | da_ket_thuc | bo_tri_on_dinh (ROT-12) at ``t``."""
    placement = proposal.placement
    if placement is not None and placement.kind == "on_dinh_noi_den" and placement.date is not None \
            and placement.date <= t:
        return "bo_tri_on_dinh"
    if t < proposal.start:
        return "chua_bat_dau"
    end = proposal.actual_end or proposal.end
    if end is not None and t > end:
        return "da_ket_thuc"
    return "dang_luan_chuyen"

