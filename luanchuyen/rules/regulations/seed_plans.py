"""The seeds' own plan rules (DOMAIN.md §7): applied to a proposal only when its rotation plan
switches the rule on in ``parameters["plan.rules"]``, with the plan's own numbers
(``plan.young_age_years``, ``plan.count_min`` …). Citations name the plan.

Seeds: 000 Tây Ninh 2021–2025, 001 Quảng Bình Đề án 01-ĐA/TU, 002 Cần Thơ 2022–2025,
004 Lâm Đồng 2017–2020.
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import add_months, fmt_date, fmt_span, full_months_between
from ..engine.errors import MissingFacts, NoValueInForce
from ..engine.params import SCOPE_PLAN, ParamValue
from ..engine.schema import Citation
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from ..facts import LEVEL_TEXT, PURPOSE_TEXT
from . import common

ANY_TIME = dt.date(1990, 1, 1)

_YOUNG = VerdictFactory("PLAN-ROLE-YOUNG")


@rule("PLAN-ROLE-YOUNG", since=ANY_TIME)
def young_rotated_as_deputy(case, t, p):
    """Seeds 000, 002: "Đối với cán bộ trẻ, luân chuyển để đào tạo, rèn luyện chủ yếu bố trí làm cấp phó"."""
    gate, enabled = common.plan_gate(_YOUNG, case, p)
    if gate:
        return gate
    if case.purpose != "dao_tao":
        return _YOUNG.not_applicable_once((case.purpose, id(enabled)), "Không phải luân chuyển để đào tạo.", enabled)
    young_age = p("plan.young_age_years")
    age = case.cadre.age_on(t)
    if age >= young_age.value:
        return _YOUNG.not_applicable((_not_young_text, age, young_age.value), enabled, young_age)
    heads = [post for post in case.to_posts if post.title.role != "deputy"]
    if any(post.title.role is None for post in case.to_posts):
        raise MissingFacts("vai trò (cấp trưởng/cấp phó) của chức danh nơi đến")
    if not heads:
        return _YOUNG.passed((_young_text, age, ", bố trí cấp phó (", case.to_posts[0], ")."), enabled, young_age)
    return _YOUNG.warn((_young_text, age, " nhưng bố trí cấp trưởng (", heads[0],
                        "); kế hoạch quy định chủ yếu bố trí cấp phó."), enabled, young_age)


def _not_young_text(age: int, young: int) -> str:
    return f"Cán bộ {age} tuổi, không phải cán bộ trẻ (dưới {young} tuổi)."


def _young_text(age: int, middle: str, post, tail: str) -> str:
    return f"Cán bộ trẻ ({age} tuổi) luân chuyển để đào tạo{middle}{common.post_name(post)}{tail}"


_HEAD = VerdictFactory("PLAN-ROLE-HEAD")


@rule("PLAN-ROLE-HEAD", since=ANY_TIME)
def two_terms_and_non_local_as_head(case, t, p):
    """Seeds 000, 002: two-term heads and non-local rotations "khi luân chuyển bố trí làm cấp trưởng"."""
    gate, enabled = common.plan_gate(_HEAD, case, p)
    if gate:
        return gate
    if case.purpose not in ("hai_nhiem_ky", "khong_phai_nguoi_dia_phuong"):
        return _HEAD.not_applicable_once(
            (case.purpose, id(enabled)), (_purpose_na_text, case.purpose), enabled)
    heads = [post for post in case.to_posts if post.title.role == "head"]
    if heads:
        return _HEAD.passed((_head_text, case.purpose, ", bố trí cấp trưởng (", heads[0]), enabled)
    return _HEAD.failed((_head_text, case.purpose, " nhưng vị trí đến không phải cấp trưởng (", case.to_posts[0]), enabled)


def _purpose_na_text(purpose: str | None) -> str:
    return f"Mục đích {PURPOSE_TEXT.get(purpose or '', 'chưa ghi')}: không thuộc quy tắc này."


def _head_text(purpose: str, middle: str, post) -> str:
    return f"Luân chuyển để {PURPOSE_TEXT[purpose]}{middle}{common.post_name(post)})."


_MAX = VerdictFactory("PLAN-DURATION-MAX")


@rule("PLAN-DURATION-MAX", since=ANY_TIME, key=common.key_period)
def at_most_five_years(case, t, p):
    """Seed 004 III.2.2: "từ 03 đến 05 năm"."""
    gate, enabled = common.plan_gate(_MAX, case, p)
    if gate:
        return gate
    start, end = common.proposal_period(case)
    limit = p("plan.max_duration_months")
    length = fmt_span(start, end)
    if end <= add_months(start, limit.value):
        return _MAX.passed(f"Thời gian luân chuyển {length}, không quá {limit.value} tháng.", enabled, limit)
    return _MAX.failed(f"Thời gian luân chuyển {length}, từ {fmt_date(start)} đến {fmt_date(end)}, quá "
                       f"{limit.value} tháng của kế hoạch.", enabled, limit)


_SUBJECT = VerdictFactory("PLAN-SUBJECT")
_SUBJECT_TEXT = {
    "trong_quy_hoach": "trong quy hoạch",
    "tre_trong_quy_hoach": "cán bộ trẻ trong quy hoạch",
    "chua_luan_chuyen": "chưa qua luân chuyển",
    "cap_truong_hai_nhiem_ky": "cấp trưởng giữ chức vụ hai nhiệm kỳ liên tiếp",
}


def rotated_before(case, t: dt.date) -> bool:
    """Has the dataset an earlier rotation of this cadre (a proposal that started before ``t``)?"""
    own = case.proposal.id if case.proposal is not None else None
    return any(other.id != own and other.start < t for other in case.dataset.proposals_by_cadre.get(case.cadre.id, ()))


@rule("PLAN-SUBJECT", since=ANY_TIME)
def in_plan_subjects(case, t, p):
    """Seeds 000, 002, 004: subjects of the plan (planned cadres; young and planned; not yet rotated …)."""
    gate, enabled = common.plan_gate(_SUBJECT, case, p)
    if gate:
        return gate
    subjects = p("plan.subjects")
    used = [enabled, subjects]
    matched, missed = [], []
    for group in subjects.value:
        if group == "trong_quy_hoach":
            ok = bool(case.cadre.planning_in_force(t))
        elif group == "tre_trong_quy_hoach":
            young_age = p("plan.young_age_years")
            used.append(young_age)
            ok = bool(case.cadre.planning_in_force(t)) and case.cadre.age_on(t) < young_age.value
        elif group == "chua_luan_chuyen":
            ok = not rotated_before(case, t)
        else:  # cap_truong_hai_nhiem_ky
            threshold = p("rotation.two_terms_months")
            used.append(threshold)
            run, until = common.two_terms_run(case, t)
            ok = run is not None and full_months_between(run[1], until) >= threshold.value
        (matched if ok else missed).append(_SUBJECT_TEXT[group])
    if matched:
        return _SUBJECT.passed((_joined_text, "Thuộc đối tượng luân chuyển của kế hoạch: ", matched, "."), *used)
    return _SUBJECT.failed((_joined_text, "Không thuộc nhóm đối tượng nào của kế hoạch (", missed, ")."), *used)


def _joined_text(head: str, items: list[str], tail: str) -> str:
    return f"{head}{', '.join(items)}{tail}"


_KEY = VerdictFactory("PLAN-KEY-100")


@rule("PLAN-KEY-100", since=ANY_TIME)
def upper_key_to_lower_key(case, t, p):
    """Seed 000: "bảo đảm 100% cán bộ chủ chốt cấp trên được luân chuyển giữ các chức danh chủ chốt cấp dưới"."""
    gate, enabled = common.plan_gate(_KEY, case, p)
    if gate:
        return gate
    current = case.current_post
    if current is None:
        raise MissingFacts(f"chức vụ đang giữ tại {fmt_date(t)}")
    if not current.title.key_title:
        return _KEY.not_applicable((_not_key_text, current), enabled)
    here = common.LEVEL_ORDER.get(current.unit.level or "")
    there = [common.LEVEL_ORDER.get(post.unit.level or "") for post in case.to_posts]
    if here is None or any(level is None for level in there):
        raise MissingFacts("cấp (level) của đơn vị đang công tác hoặc đơn vị đến")
    if all(level >= here for level in there):  # type: ignore[operator]
        return _KEY.not_applicable("Không luân chuyển xuống cấp dưới.", enabled)
    keys = [post for post in case.to_posts if post.title.key_title]
    if keys:
        return _KEY.passed(lambda: f"Cán bộ chủ chốt {LEVEL_TEXT.get(current.unit.level or '', '')} luân chuyển xuống giữ "
                                   f"chức danh chủ chốt {common.post_name(keys[0])}.", enabled)
    first = case.to_posts[0]
    return _KEY.failed(lambda: f"Cán bộ chủ chốt ({common.post_name(current)}) luân chuyển xuống cấp dưới nhưng không giữ "
                               f"chức danh chủ chốt ({common.post_name(first)}).", enabled)


def _not_key_text(current) -> str:
    return f"Chức vụ đang giữ ({common.post_name(current)}) không phải chức danh chủ chốt."


_DEPT = VerdictFactory("PLAN-YOUNG-DEPT")


@rule("PLAN-YOUNG-DEPT", since=ANY_TIME)
def young_to_district_department(case, t, p):
    """Seed 001 II.6: "cấp phó trưởng phòng và chuyên viên … đào tạo chính quy, từ 35 tuổi trở xuống, có quy
    hoạch các chức danh trưởng phòng, phó phòng và tương đương" → term posts at district departments."""
    gate, enabled = common.plan_gate(_DEPT, case, p)
    if gate:
        return gate
    max_age = p("plan.young_dept_max_age")
    age = case.cadre.age_on(t)
    problems, ok = [], []
    (ok if age <= max_age.value else problems).append(f"{age} tuổi (tối đa {max_age.value})")
    formal = any(e.mode == "chinh_quy" and e.level in ("dai_hoc", "thac_si", "tien_si") for e in case.cadre.education)
    (ok if formal else problems).append("đào tạo đại học chính quy" if formal else "chưa có bằng đại học chính quy")
    planned = bool(case.cadre.planning_in_force(t))
    (ok if planned else problems).append("có quy hoạch" if planned else "chưa có quy hoạch còn hiệu lực")
    current = case.current_post
    if current is None or current.unit.level is None:
        raise MissingFacts("chức vụ, đơn vị đang công tác")
    from_province = current.unit.level == "tinh"
    (ok if from_province else problems).append("đang công tác ở cơ quan cấp tỉnh" if from_province
                                               else f"đang công tác ở {LEVEL_TEXT.get(current.unit.level, '')}")
    if problems:
        return _DEPT.failed((_joined_text, "Không đáp ứng điều kiện điều động có thời hạn về phòng cấp huyện: ", problems,
                             "."), enabled, max_age)
    return _DEPT.passed((_joined_text, "Đáp ứng: ", ok, "."), enabled, max_age)


# -- collective plan rules ----------------------------------------------------------------------
def _plan_rule_enabled(V: VerdictFactory, plan_case, p):
    try:
        enabled = p("plan.rules")
    except NoValueInForce:
        return V.not_applicable(f"Kế hoạch «{plan_case.plan.name}» không bật quy tắc riêng nào."), None
    if V.rule_id not in enabled.value:
        return V.not_applicable(f"Kế hoạch «{plan_case.plan.name}» không bật quy tắc này."), None
    return None, enabled


_COUNT = VerdictFactory("PLAN-COUNT")


def _target_total(plan) -> tuple[int, int] | None:
    """``targets.total = {min, max}`` of a plan (the optimizer's constraint of the same name), if valid."""
    total = plan.targets.get("total") if isinstance(plan.targets, dict) else None
    if not isinstance(total, dict):
        return None
    low, high = total.get("min"), total.get("max")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (low, high)):
        return None
    return low, high


@rule("PLAN-COUNT", since=ANY_TIME)
def number_rotated(plan_case, t, p):
    """Seed 002 II.6: "Số lượng cán bộ luân chuyển giai đoạn 2022 - 2025 dự kiến từ 06 đến 08 đồng chí".

    Switched on by ``plan.rules`` with ``plan.count_min``/``plan.count_max``, or by the plan's target
    ``targets.total = {min, max}``.
    """
    count = len({proposal.cadre_id for proposal in plan_case.proposals})
    target = _target_total(plan_case.plan)
    gate, enabled = _plan_rule_enabled(_COUNT, plan_case, p)
    if gate and target is None:
        return gate
    if gate is None and (p.has("plan.count_min") or target is None):
        low, high = p("plan.count_min"), p("plan.count_max")
        used, (low_value, high_value) = (enabled, low, high), (low.value, high.value)
    else:
        low_value, high_value = target  # type: ignore[misc]
        used = (ParamValue("plan.targets.total", {"min": low_value, "max": high_value}, None,
                           Citation(document=f"Kế hoạch luân chuyển «{plan_case.plan.name}»", section="chỉ tiêu total"),
                           (), SCOPE_PLAN, None, None),)
    text = f"Kế hoạch có {count} cán bộ luân chuyển, dự kiến từ {low_value} đến {high_value}"
    if enabled is None:
        text += " (chỉ tiêu «total» của kế hoạch)"
    if low_value <= count <= high_value:
        return _COUNT.passed(text + ".", *used)
    return _COUNT.warn(text + ": ngoài khoảng dự kiến.", *used)


_SHARE = VerdictFactory("PLAN-SHARE-NOT-ROTATED")


@rule("PLAN-SHARE-NOT-ROTATED", since=ANY_TIME)
def share_of_not_yet_rotated(plan_case, t, p):
    """Seed 004 III.2.1.c: rotate ≥ 20% of provincial planned cadres not yet rotated."""
    gate, enabled = _plan_rule_enabled(_SHARE, plan_case, p)
    if gate:
        return gate
    share = p("plan.share_not_rotated_min_percent")
    plan = plan_case.plan
    if plan.period_start is None or plan.period_end is None:
        raise MissingFacts("thời gian bắt đầu, kết thúc của kế hoạch")
    start, end = plan.period_start, plan.period_end
    dataset = plan_case.dataset
    population = []
    for cadre in dataset.cadres.values():
        position = cadre.position_at(start)
        if position is None or position.post.unit.level != "tinh" or not cadre.planning_in_force(start):
            continue
        if any(other.start < start for other in dataset.proposals_by_cadre.get(cadre.id, ())):
            continue
        population.append(cadre)
    if not population:
        return _SHARE.not_applicable(f"Không có cán bộ cấp tỉnh trong quy hoạch chưa qua luân chuyển tại {fmt_date(start)}.",
                                     enabled, share)
    rotated = sum(1 for cadre in population
                  if any(start <= other.start <= end for other in dataset.proposals_by_cadre.get(cadre.id, ())))
    value = common.pct(rotated, len(population))
    text = (f"Luân chuyển {rotated}/{len(population)} cán bộ cấp tỉnh trong quy hoạch chưa qua luân chuyển "
            f"({common.num(value)}%) trong kỳ {fmt_date(start)}–{fmt_date(end)}, yêu cầu từ {common.num(share.value)}%")
    if value >= share.value:
        return _SHARE.passed(text + ".", enabled, share)
    return _SHARE.failed(text + ".", enabled, share)


_RECEIVE = VerdictFactory("PLAN-RECEIVE")


@rule("PLAN-RECEIVE", since=ANY_TIME)
def each_locality_receives(plan_case, t, p):
    """Seed 001 III.5: "Các huyện, thị xã, thành phố tiếp nhận 1 đến 2 cán bộ"."""
    gate, enabled = _plan_rule_enabled(_RECEIVE, plan_case, p)
    if gate:
        return gate
    low, high, level = p("plan.receive_min"), p("plan.receive_max"), p("plan.receive_level")
    dataset = plan_case.dataset
    on = plan_case.plan.period_start or t
    localities = [loc for loc in dataset.localities.values() if loc.level == level.value and loc.valid_on(on)]
    if not localities:
        return _RECEIVE.not_applicable(f"Không có địa phương {LEVEL_TEXT.get(level.value, level.value)} tại {fmt_date(on)}.",
                                       enabled, level)
    counts = {loc.id: 0 for loc in localities}
    for proposal in plan_case.proposals:
        for loc_id in counts:
            if any(dataset.within(post.locality, loc_id) for post in proposal.to_posts):
                counts[loc_id] += 1
                break
    problems = [f"{dataset.localities[loc_id].name}: {n}" for loc_id, n in sorted(counts.items())
                if not low.value <= n <= high.value]
    if problems:
        return _RECEIVE.failed(f"Mỗi địa phương tiếp nhận từ {low.value} đến {high.value} cán bộ; ngoài khoảng: "
                               f"{common.listing(problems)}.", enabled, low, high, level)
    return _RECEIVE.passed(f"{len(counts)} địa phương đều tiếp nhận từ {low.value} đến {high.value} cán bộ.",
                           enabled, low, high, level)
