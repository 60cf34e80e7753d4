"""Implementations shared by several dated versions of a rule, and small helpers.

Each public rule version (in the module of its legal instrument) is a thin function that calls
one of these with its own verdict factory; the numbers and citations come from the parameters in
force at the reference time, so one implementation serves every era whose logic is the same.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

from ..engine.dates import add_months, fmt_date, fmt_months, fmt_span, full_months_between
from ..engine.errors import MissingFacts, NoValueInForce
from ..engine.params import ParamsAt, ParamValue
from ..engine.registry import NO_PLAN_REASON
from ..engine.verdict import Verdict, VerdictFactory
from ..facts import (DISCIPLINE_TEXT, LEVEL_TEXT, PROCEEDING_TEXT, PURPOSE_TEXT, CadreFacts, CaseFacts,
                     DatasetFacts, PositionFacts, PostFacts, position_left)

LEVEL_ORDER = {"xa": 1, "huyen": 2, "tinh": 3, "trung_uong": 4}
TRAINING = frozenset(("dao_tao",))                                          # purposes of ROT-01
NON_LOCAL_OR_TWO_TERMS = frozenset(("khong_phai_nguoi_dia_phuong", "hai_nhiem_ky"))   # of ROT-02


def num(x: float) -> str:
    """Vietnamese number: 13,3 — at most one decimal."""
    if isinstance(x, float) and not x.is_integer():
        return f"{x:.1f}".replace(".", ",")
    return str(int(x))


def pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def listing(items: list[str], limit: int = 8) -> str:
    if len(items) <= limit:
        return "; ".join(items)
    return "; ".join(items[:limit]) + f"; và {len(items) - limit} trường hợp khác"


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn").lower()


def birth_note(cadre: CadreFacts) -> str:
    birth = cadre.birth
    if birth is None or birth.month is not None:
        return ""
    return f" (hồ sơ chỉ ghi năm sinh {birth.year}: tính từ tháng 01/{birth.year} theo Nghị định 135/2020/NĐ-CP, Điều 3)"


_PHRASES: dict[tuple, str] = {}


def retirement_phrase(cadre: CadreFacts, t: dt.date) -> str:
    index, age, _rule = cadre.retirement_at(t)
    year_only = cadre.birth.year if cadre.birth is not None and cadre.birth.month is None else None
    key = (index, age, year_only)
    phrase = _PHRASES.get(key)
    if phrase is None:
        years, months = divmod(age, 12)
        age_text = f"{years} tuổi" + (f" {months} tháng" if months else "")
        phrase = f"nghỉ hưu tháng {index % 12 + 1:02d}/{index // 12}, tuổi nghỉ hưu {age_text}{birth_note(cadre)}"
        if len(_PHRASES) < 50_000:
            _PHRASES[key] = phrase
    return phrase


def post_name(post: PostFacts) -> str:
    return f"{post.title.name} – {post.unit.name}"


_GATE_CACHE: dict[tuple[str, str | None], Verdict] = {}


def plan_gate(V: VerdictFactory, case: CaseFacts, p: ParamsAt) -> tuple[Verdict | None, ParamValue | None]:
    """A seed plan rule applies only when the proposal's plan switches it on (``plan.rules``)."""
    plan = case.plan
    if plan is None:
        verdict = _GATE_CACHE.get((V.rule_id, None))
        if verdict is None:
            verdict = _GATE_CACHE[(V.rule_id, None)] = V.not_applicable(NO_PLAN_REASON)
        return verdict, None
    try:
        enabled = p("plan.rules")
    except NoValueInForce:
        return V.not_applicable_once(("no_rules", plan.id, plan.name),
                                     (_plan_text, "Kế hoạch «{}» không bật quy tắc riêng nào.", plan.name)), None
    if V.rule_id not in enabled.value:
        return V.not_applicable_once(("off", plan.id, plan.name),
                                     (_plan_text, "Kế hoạch «{}» không bật quy tắc này.", plan.name)), None
    return None, enabled


def _plan_text(template: str, name: str) -> str:
    return template.format(name)


def _purpose_text(purpose: str | None, tail: str) -> str:
    return f"Mục đích luân chuyển là {PURPOSE_TEXT.get(purpose or '', 'chưa ghi')}{tail}"


# -- months left (ROT-01, ROT-02) ---------------------------------------------------------------
def check_months_left(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt, param: str,
                      purposes: frozenset[str]) -> Verdict:
    if case.purpose not in purposes:
        return V.not_applicable_once(case.purpose, (_purpose_text, case.purpose,
                                                    "; quy tắc này áp dụng cho mục đích khác."))
    required = p(param)
    cadre = case.cadre
    left = cadre.months_left(t)          # raises MissingFacts before any verdict; the reason is formatted lazily
    if left >= required.value:
        return V.passed((_months_left_text, left, t, cadre, "đủ tối thiểu", required.value), required)
    return V.failed((_months_left_text, left, t, cadre, "chưa đủ", required.value), required)


_MONTHS_LEFT_TEXTS: dict[tuple, str] = {}


def _months_left_text(left: int, t: dt.date, cadre: CadreFacts, verb: str, required: int) -> str:
    # Many cadres share a retirement month: the sentence depends only on these values (memoised, bounded).
    index, age, _rule = cadre.retirement_at(t)
    key = (left, t, index, age, cadre.birth.year if cadre.birth.month is None else None, verb, required)  # type: ignore[union-attr]
    text = _MONTHS_LEFT_TEXTS.get(key)
    if text is None:
        text = f"Còn {fmt_months(left)} công tác tính từ {fmt_date(t)} ({retirement_phrase(cadre, t)}), {verb} {required} tháng."
        if len(_MONTHS_LEFT_TEXTS) < 200_000:
            _MONTHS_LEFT_TEXTS[key] = text
    return text


# -- planning in force (ROT-03) ------------------------------------------------------------------
def check_in_planning(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    if case.purpose != "dao_tao":
        return V.not_applicable_once(case.purpose, (_purpose_text, case.purpose, "; yêu cầu trong quy hoạch áp dụng "
                                                    "cho luân chuyển để đào tạo."))
    required = p("rotation.requires_planning")
    if not required.value:
        return V.not_applicable("Tham số hiện hành không yêu cầu cán bộ luân chuyển phải trong quy hoạch.", required)
    in_force = case.cadre.planning_in_force(t)
    if in_force:
        entry = in_force[0]
        return V.passed((_in_planning_text, entry, t), required)
    notes = []
    for entry in case.cadre.planning:
        if entry.approved is None:
            notes.append(f"{entry.title.name} {entry.term} chưa phê duyệt")
        elif entry.approved > t:
            notes.append(f"{entry.title.name} {entry.term} phê duyệt sau, ngày {fmt_date(entry.approved)}")
        elif entry.removed is not None and entry.removed <= t:
            notes.append(f"{entry.title.name} {entry.term} đã đưa ra khỏi quy hoạch ngày {fmt_date(entry.removed)}")
        else:
            notes.append(f"{entry.title.name} {entry.term} đã hết nhiệm kỳ")
    detail = f" ({'; '.join(notes)})" if notes else ""
    return V.failed(f"Không có quy hoạch đã phê duyệt còn hiệu lực tại {fmt_date(t)}{detail}; "
                    "cán bộ luân chuyển phải trong quy hoạch.", required)


def _in_planning_text(entry, t: dt.date) -> str:
    return (f"Trong quy hoạch {entry.title.name} nhiệm kỳ {entry.term} "
            f"(phê duyệt {fmt_date(entry.approved)}) còn hiệu lực tại {fmt_date(t)}.")


# -- duration (ROT-04, PLAN-DURATION-MAX) -------------------------------------------------------
def proposal_period(case: CaseFacts) -> tuple[dt.date, dt.date]:
    proposal = case.proposal
    if proposal is None:
        raise MissingFacts("đề xuất luân chuyển")
    if proposal.end is None:
        raise MissingFacts("ngày kết thúc dự kiến của đề xuất")
    return proposal.start, proposal.end


def check_min_duration(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    start, end = proposal_period(case)
    required = p("rotation.min_duration_months")
    if end >= add_months(start, required.value):
        return V.passed((_duration_text, "", start, end, "đủ tối thiểu", required.value), required)
    return V.failed((_duration_text, " chỉ", start, end, "chưa đủ", required.value), required)


def _duration_text(only: str, start: dt.date, end: dt.date, verb: str, required: int) -> str:
    return (f"Thời gian luân chuyển{only} {fmt_span(start, end)}, từ {fmt_date(start)} đến {fmt_date(end)}, "
            f"{verb} {required} tháng.")


# -- discipline and proceedings (ROT-07) --------------------------------------------------------
def discipline_status(cadre: CadreFacts, t: dt.date) -> tuple[list[str], list[str], list[str]]:
    """(in force, period unknown, ended) descriptions of the cadre's discipline at ``t``."""
    active, unknown, ended = [], [], []
    for d in cadre.discipline:
        form = DISCIPLINE_TEXT.get(d.form, d.form)
        if d.decided is None:
            unknown.append(f"kỷ luật {form} chưa ghi ngày quyết định")
            continue
        if d.decided > t:
            continue
        status = d.in_force(t)
        if status is None:
            unknown.append(f"kỷ luật {form} (quyết định {fmt_date(d.decided)}) chưa ghi ngày hết thời hạn")
        elif status:
            active.append(f"kỷ luật {form} (quyết định {fmt_date(d.decided)}, đến hết ngày {fmt_date(d.until)})")  # type: ignore[arg-type]
        else:
            ended.append(f"kỷ luật {form} đã hết thời hạn ngày {fmt_date(d.until)}")  # type: ignore[arg-type]
    return active, unknown, ended


def open_proceedings(cadre: CadreFacts, t: dt.date) -> list[tuple[str, str]]:
    out = []
    for proc in cadre.proceedings:
        if proc.open_on(t):
            since = f" từ {fmt_date(proc.start)}" if proc.start else ""
            out.append((proc.kind, f"đang bị {PROCEEDING_TEXT.get(proc.kind, proc.kind)}{since}"))
    return out


def check_barred(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt, *,
                 unlisted_proceedings_review: bool) -> Verdict:
    barred = p("rotation.barred_while")
    listed = barred.value
    active, unknown, ended = discipline_status(case.cadre, t)
    proceedings = open_proceedings(case.cadre, t)
    blocking = [a for a in active if "ky_luat" in listed]
    blocking += [text for kind, text in proceedings if kind in listed]
    if blocking:
        return V.failed(f"Tại {fmt_date(t)}: {listing(blocking)}; không được luân chuyển.", barred)
    if unknown and "ky_luat" in listed:
        return V.needs_review(f"Tại {fmt_date(t)}: {listing(unknown)}; cần xác định còn trong thời hạn kỷ luật hay không.",
                              barred)
    others = [text for kind, text in proceedings if kind not in listed]
    if others and unlisted_proceedings_review:
        return V.needs_review(f"Tại {fmt_date(t)}: {listing(others)}; văn bản hiện hành chỉ nêu cán bộ bị kỷ luật, "
                              "cần cấp có thẩm quyền xem xét.", barred)
    if "dieu_tra" in listed:
        return V.passed((_not_barred_text, t, ", không bị điều tra, truy tố, xét xử", ended), barred)
    return V.passed((_not_barred_text, t, "", ended), barred)


def _not_barred_text(t: dt.date, proceedings: str, ended: list[str]) -> str:
    tail = f" ({listing(ended)})" if ended else ""
    return f"Tại {fmt_date(t)} không trong thời hạn kỷ luật{proceedings}{tail}."


# -- ROT-15: consecutive head terms ----------------------------------------------------------------
def head_run(cadre: CadreFacts, t: dt.date, current: PositionFacts | None | bool = False
             ) -> tuple[PositionFacts, dt.date] | None:
    """The main head position held at ``t`` (or ``current``, e.g. the position a proposal leaves) and the
    start of its unbroken run in the same unit."""
    if current is False:
        current = cadre.position_at(t)
    if current is None or current.post.title.role != "head":
        return None
    if current.start is None:
        raise MissingFacts(f"ngày bắt đầu giữ chức vụ {current.post.title.name}")
    start = current.start
    unit = current.post.unit.id
    main = [pos for pos in cadre.positions if not pos.concurrent and pos.start is not None and pos.start < start]
    while main:
        previous = max(main, key=lambda pos: pos.start)  # type: ignore[arg-type, return-value]
        if previous.post.unit.id != unit or previous.post.title.role != "head":
            break
        start = previous.start  # type: ignore[assignment]
        main = [pos for pos in main if pos.start < start]  # type: ignore[operator]
    return current, start


# -- ROT-16: local or not ----------------------------------------------------------------------
def locality_name(dataset: DatasetFacts, locality_id: str) -> str:
    loc = dataset.localities.get(locality_id)
    return loc.name if loc else locality_id


def is_local(dataset: DatasetFacts, cadre: CadreFacts, area: str, t: dt.date, work_years: int) -> tuple[bool | None, str]:
    """(True = local, False = not local, None = cannot tell; explanation)."""
    places = [(label, place) for label, place in (("nơi sinh", cadre.birthplace), ("quê quán", cadre.hometown))
              if place is not None]
    if not places:
        raise MissingFacts("nơi sinh và quê quán")
    area_name = locality_name(dataset, area)
    uncertain = []
    for label, place in places:
        if dataset.within(place, area):
            return True, f"{label} {locality_name(dataset, place)} thuộc {area_name}"
        if dataset.within(area, place):
            uncertain.append(f"{label} chỉ ghi {locality_name(dataset, place)}, rộng hơn {area_name}")
            continue
        loc = dataset.localities.get(place)
        hops, successor = 0, loc.successor if loc else None
        while successor is not None and hops < 10:
            if dataset.within(successor, area) or dataset.within(area, successor):
                uncertain.append(f"{label} {locality_name(dataset, place)} là đơn vị hành chính cũ, nay thuộc/liên quan "
                                 f"{locality_name(dataset, successor)}")
                break
            nxt = dataset.localities.get(successor)
            successor, hops = (nxt.successor if nxt else None), hops + 1
    if work_years > 0:
        months = 0
        for pos in cadre.positions:
            if pos.post.locality is not None and dataset.within(pos.post.locality, area) and pos.start is not None \
                    and pos.start <= t:
                months += max(0, full_months_between(pos.start, min(pos.end or t, t)))
        if months >= work_years * 12:
            return True, f"đã công tác tại {area_name} {fmt_months(months)} (từ {work_years} năm trở lên)"
    if uncertain:
        return None, "; ".join(uncertain)
    places_text = ", ".join(f"{label} {locality_name(dataset, place)}" for label, place in places)
    return False, f"{places_text} không thuộc {area_name}"


# -- appointment helpers ------------------------------------------------------------------------
def is_higher_move(case: CaseFacts) -> tuple[bool, PostFacts | None, PostFacts]:
    """(destination ranks above the post held?, post held, highest destination) — memoised on the case.

    No post held means a first appointment, which counts as higher.
    """
    cached = case.cache.get("move")
    if cached is None:
        try:
            cached = _higher_move(case)
        except MissingFacts as e:
            cached = e
        case.cache["move"] = cached
    if isinstance(cached, MissingFacts):
        raise cached
    return cached


def _higher_move(case: CaseFacts) -> tuple[bool, PostFacts | None, PostFacts]:
    current = case.current_post
    to_posts = case.to_posts
    if not to_posts:
        raise MissingFacts("vị trí đến")
    dest = to_posts[0] if len(to_posts) == 1 else max(
        to_posts, key=lambda post: post.title.rank if post.title.rank is not None else -1)
    if current is None:
        return True, None, dest
    if current.title.rank is None or dest.title.rank is None:
        raise MissingFacts("bậc (rank) của chức danh đang giữ hoặc chức danh đến")
    return dest.title.rank > current.title.rank, current, dest


def move_text(current: PostFacts | None, dest: PostFacts) -> str:
    if current is None:
        return f"bổ nhiệm lần đầu vào {post_name(dest)}"
    relation = "cao hơn" if (dest.title.rank or 0) > (current.title.rank or 0) else "không cao hơn"
    return f"{post_name(dest)} (bậc {dest.title.rank}) {relation} {post_name(current)} (bậc {current.title.rank})"


def not_higher(V: VerdictFactory, current: PostFacts | None, dest: PostFacts, tail: str = "", *,
               case: CaseFacts | None = None) -> Verdict:
    return V.not_applicable((_not_higher_text, current, dest, tail, case.cache if case is not None else None))


def _not_higher_text(current: PostFacts | None, dest: PostFacts, tail: str, cache: dict | None) -> str:
    """The three appointment rules of one case describe the same move: its text is formatted once."""
    text = cache.get("move_text") if cache is not None else None
    if text is None:
        text = move_text(current, dest)
        if cache is not None:
            cache["move_text"] = text
    return f"Không phải bổ nhiệm lần đầu hoặc vào chức vụ cao hơn: {text}{tail}."


def months_in_rank(cadre: CadreFacts, post: PostFacts, t: dt.date) -> tuple[int, dt.date]:
    """Months in the current post or an equivalent one (same rank), unbroken, up to ``t``."""
    rank = post.title.rank
    main = sorted((pos for pos in cadre.positions if not pos.concurrent and pos.start is not None and pos.start <= t),
                  key=lambda pos: pos.start)  # type: ignore[arg-type, return-value]
    current = None
    for pos in main:
        if pos.post.id == post.id and pos.held_on(t):
            current = pos
    if current is None:
        current = next((pos for pos in reversed(main) if pos.post.id == post.id), None)
    if current is None or current.start is None:
        raise MissingFacts(f"ngày bắt đầu giữ chức vụ {post.title.name}")
    start = current.start
    for pos in reversed(main):
        if pos.start >= start:  # type: ignore[operator]
            continue
        if pos.post.title.rank != rank:
            break
        start = pos.start  # type: ignore[assignment]
    return full_months_between(start, t), start


def level_of_title(dataset: DatasetFacts, title_id: str) -> str | None:
    title = dataset.titles.get(title_id)
    if title is not None and title.level:
        return title.level
    levels = {post.unit.level for post in dataset.posts_of_title(title_id) if post.unit.level}
    return levels.pop() if len(levels) == 1 else (max(levels, key=LEVEL_ORDER.get) if levels else None)  # type: ignore[arg-type]


def level_text(level: str | None) -> str:
    return LEVEL_TEXT.get(level or "", "chưa rõ cấp")


MEMBERSHIP_PREFIXES = ("uy vien ban chap hanh", "uy vien ban thuong vu", "uy vien uy ban kiem tra")


def is_membership_title(name: str) -> bool:
    """Ủy viên BCH / BTV / UBKT (excluded from PLAN-04, counted by PLAN-05), recognised by name."""
    folded = ascii_fold(name).strip()
    return folded.startswith(MEMBERSHIP_PREFIXES)


# -- ROT-15 / ROT-16 shared by QĐ 98 and QĐ 65 ----------------------------------------------------
def check_two_terms(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt, *, proposal_context: bool) -> Verdict:
    if proposal_context and case.purpose != "hai_nhiem_ky":
        return V.not_applicable_once(case.purpose, (_purpose_text, case.purpose, ", không phải luân chuyển cấp trưởng "
                                                    "hai nhiệm kỳ liên tiếp."))
    threshold = p("rotation.two_terms_months")
    run, t = two_terms_run(case, t)
    if run is None:
        text = f"Tại {fmt_date(t)} cán bộ không giữ chức vụ cấp trưởng."
        return V.warn(text + " Đề xuất ghi mục đích hai nhiệm kỳ liên tiếp nhưng không khớp hồ sơ.", threshold) \
            if proposal_context else V.not_applicable(text, threshold)
    position, start = run
    months = full_months_between(start, t)
    if months >= threshold.value:
        text = (_two_terms_text, position, start, months, t,
                f", từ {threshold.value} tháng trở lên (quá hai nhiệm kỳ liên tiếp): thuộc diện luân chuyển.")
        return V.passed(text, threshold) if proposal_context else V.warn(text, threshold)
    if proposal_context:
        return V.warn((_two_terms_text, position, start, months, t, f", chưa đến {threshold.value} tháng. Đề xuất ghi "
                       "mục đích hai nhiệm kỳ liên tiếp nhưng chưa đủ thời gian."), threshold)
    return V.passed((_two_terms_text, position, start, months, t, f", chưa đến {threshold.value} tháng."), threshold)


def two_terms_run(case: CaseFacts, t: dt.date) -> tuple[tuple[PositionFacts, dt.date] | None, dt.date]:
    """(head run, date it is counted to) for ROT-15 and PLAN-SUBJECT.

    For a proposal it is the head post held before the move — not the destination, which the record
    may already show from the start day on (a run of 0 months) — counted up to the start of the
    rotation (or ``t`` if earlier). Otherwise the head post held at ``t``, counted up to ``t``.
    """
    proposal = case.proposal
    if proposal is None:
        return head_run(case.cadre, t), t
    return head_run(case.cadre, t, position_left(case.cadre, proposal, t)), min(t, proposal.start)


def _two_terms_text(position: PositionFacts, start: dt.date, months: int, t: dt.date, tail: str) -> str:
    return (f"Giữ chức vụ cấp trưởng {position.post.title.name} tại {position.post.unit.name} liên tục từ "
            f"{fmt_date(start)}: {fmt_months(months)} tại {fmt_date(t)}{tail}")


def check_non_local(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    required = [post for post in case.to_posts if post.title.non_local_required]
    if not required:
        return V.not_applicable_once(None, "Chức danh nơi đến không thuộc diện phải bố trí người không phải "
                                           "người địa phương.")
    policy = p("rotation.non_local_policy")
    if not policy.value:
        return V.not_applicable("Tham số hiện hành không áp dụng chủ trương này.", policy)
    work = p("rotation.local_by_work_years")
    used = (policy, work) if work.value else (policy,)     # the work-years extension is cited when a province uses it
    verdicts = []
    for post in required:
        if post.locality is None:
            raise MissingFacts(f"địa bàn (địa phương) của vị trí {post_name(post)}")
        local, why = is_local(case.dataset, case.cadre, post.locality, t, work.value)
        verdicts.append((post, local, why))
    for post, local, why in verdicts:
        if local:
            return V.failed(f"Cán bộ là người địa phương của {locality_name(case.dataset, post.locality)} ({why}); "  # type: ignore[arg-type]
                            f"chức danh {post.title.name} phải bố trí người không phải người địa phương.", *used)
    for post, local, why in verdicts:
        if local is None:
            return V.needs_review(f"Chưa xác định được cán bộ có phải người địa phương của "
                                  f"{locality_name(case.dataset, post.locality)} không ({why}).", *used)  # type: ignore[arg-type]
    post, _local, why = verdicts[0]
    return V.passed((_non_local_text, why, post), *used)


def _non_local_text(why: str, post: PostFacts) -> str:
    return f"Không phải người địa phương: {why}; phù hợp chức danh {post.title.name}."


# -- planning (PLAN-01, PLAN-03, PLAN-04, PLAN-07) shared by QĐ 50 and QĐ 377 ---------------------
def check_planning_age(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt, *, groups_required: bool) -> Verdict:
    entries = case.cadre.planning_in_force(t)
    if not entries:
        return V.not_applicable(f"Không có quy hoạch còn hiệu lực tại {fmt_date(t)}.")
    ref_month = p("planning.reference_month")
    failures, passes, used = [], [], []
    for entry in entries:
        group = entry.group
        if group is None:
            if groups_required:
                raise MissingFacts(f"đối tượng (nhóm 1 hoặc 2) của quy hoạch {entry.title.name} {entry.term}")
            group = 1
        required = p("planning.min_months_left_group_1" if group == 1 else "planning.min_months_left_group_2")
        if required not in used:
            used.append(required)
        start_of_term = dt.date(entry.term_start, ref_month.value, 1)
        if start_of_term > t:              # planning for the next term: age counted at its reference month
            ref = start_of_term
            when = f"tháng {ref_month.value:02d}/{entry.term_start} (thời điểm tính tuổi nhiệm kỳ {entry.term})"
        else:
            ref = t
            when = f"ngày rà soát {fmt_date(t)}"
        left = case.cadre.months_left(ref)
        text = (f"{entry.title.name} {entry.term} (đối tượng {group}): còn {left} tháng tại {when}, "
                f"yêu cầu {required.value} tháng")
        (passes if left >= required.value else failures).append(text)
    used.append(ref_month)
    if failures:
        return V.failed(f"Không đủ tuổi quy hoạch: {listing(failures)} ({retirement_phrase(case.cadre, t)}).", *used)
    return V.passed(f"Đủ tuổi quy hoạch: {listing(passes)}.", *used)


def check_removed_on_discipline(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    rule_param = p("planning.remove_on_discipline")
    disciplines = [d for d in case.cadre.discipline if d.decided is not None and d.decided <= t]
    if not disciplines:
        return V.passed(f"Không có quyết định kỷ luật đến {fmt_date(t)}.", rule_param)
    still = []
    for d in disciplines:
        for entry in case.cadre.planning:
            if entry.approved is not None and entry.approved <= d.decided and entry.in_force(t):  # type: ignore[operator]
                still.append(f"kỷ luật {DISCIPLINE_TEXT.get(d.form, d.form)} ngày {fmt_date(d.decided)}"  # type: ignore[arg-type]
                             f" nhưng vẫn trong quy hoạch {entry.title.name} {entry.term}")
    if still:
        return V.failed(f"Phải đưa ngay ra khỏi quy hoạch: {listing(still)}.", rule_param)
    return V.passed("Đã đưa ra khỏi quy hoạch sau quyết định kỷ luật (hoặc quy hoạch được phê duyệt sau đó).", rule_param)


def planned_by_title(body, t: dt.date) -> dict[tuple[str, str], list[CadreFacts]]:
    """(title id, term) → cadres whose planning for it is in force at ``t``."""
    out: dict[tuple[str, str], list[CadreFacts]] = {}
    for cadre in body.cadres:
        for entry in cadre.planning:
            if entry.in_force(t):
                bucket = out.setdefault((entry.title.id, entry.term), [])
                if cadre not in bucket:
                    bucket.append(cadre)
    return out


def check_per_slot(V: VerdictFactory, body, t: dt.date, p: ParamsAt) -> Verdict:
    limit = p("planning.max_per_slot")
    planned = planned_by_title(body, t)
    if not planned:
        return V.not_applicable(f"Không có quy hoạch còn hiệu lực tại {fmt_date(t)}.", limit)
    over, unknown = [], []
    for (title_id, term), cadres in sorted(planned.items()):
        title = body.dataset.titles[title_id]
        if is_membership_title(title.name):
            continue
        slots = sum(post.slots for post in body.dataset.posts_of_title(title_id) if post.valid_on(t))
        if slots == 0:
            unknown.append(title.name)
            continue
        if len(cadres) > limit.value * slots:
            over.append(f"{title.name} {term}: {len(cadres)} người / tối đa {limit.value * slots} "
                        f"({slots} chỗ × {limit.value})")
    if over:
        return V.failed(f"Vượt số lượng quy hoạch: {listing(over)}.", limit)
    tail = f" Chưa xét (không có vị trí trong danh mục): {listing(unknown)}." if unknown else ""
    return V.passed(f"{len(planned)} chức danh quy hoạch đều không quá {limit.value} người mỗi chỗ.{tail}", limit)


def check_titles_per_cadre(V: VerdictFactory, body, t: dt.date, p: ParamsAt) -> Verdict:
    limit = p("planning.max_titles_per_cadre")
    over, counted = [], 0
    for cadre in body.cadres:
        by_term: dict[str, set[str]] = {}
        for entry in cadre.planning:
            if entry.in_force(t) and not is_membership_title(entry.title.name):
                by_term.setdefault(entry.term, set()).add(entry.title.name)
        if by_term:
            counted += 1
        for term, names in by_term.items():
            if len(names) > limit.value:
                over.append(f"{cadre.full_name} ({cadre.id}) nhiệm kỳ {term}: {len(names)} chức danh")
    if not counted:
        return V.not_applicable(f"Không có quy hoạch còn hiệu lực tại {fmt_date(t)}.", limit)
    if over:
        return V.failed(f"Quy hoạch quá {limit.value} chức danh: {listing(over)}.", limit)
    return V.passed(f"{counted} cán bộ đều được quy hoạch không quá {limit.value} chức danh (không tính ủy viên "
                    "BCH, BTV, UBKT).", limit)


# -- appointment (APPT-01, 02, 04) shared by QĐ 80 and QĐ 377 --------------------------------------
def check_months_in_post(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    higher, current, dest = is_higher_move(case)
    if not higher:
        return not_higher(V, current, dest, case=case)
    post = case.current_post
    if post is None:
        return V.not_applicable(lambda: f"Bổ nhiệm lần đầu ({move_text(current, dest)}): không có chức vụ đang giữ để "
                                        "tính thời gian.")
    required = p("appointment.min_months_in_post")
    months, start = months_in_rank(case.cadre, post, t)
    if months >= required.value:
        return V.passed((_months_in_post_text, current, dest, post, start, months, "đủ tối thiểu", required.value),
                        required)
    return V.failed((_months_in_post_text, current, dest, post, start, months, "chưa đủ", required.value), required)


def _months_in_post_text(current: PostFacts | None, dest: PostFacts, post: PostFacts, start: dt.date, months: int,
                         verb: str, required: int) -> str:
    return (f"Chức vụ cao hơn ({move_text(current, dest)}); đã giữ chức vụ {post.title.name} hoặc tương đương "
            f"(bậc {post.title.rank}) từ {fmt_date(start)}: {fmt_months(months)}, {verb} {required} tháng.")


def check_appointment_age(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt, *, special_floor: bool) -> Verdict:
    higher, current, dest = is_higher_move(case)
    if not higher:
        return not_higher(V, current, dest, "; không xét tuổi", case=case)
    required = p("appointment.min_months_left")
    cadre = case.cadre
    left = cadre.months_left(t)
    if left >= required.value:
        return V.passed((_appointment_age_text, current, dest, left, cadre, t, required.value), required)
    when = retirement_phrase(cadre, t)
    if special_floor:
        floor = p("appointment.min_months_left_special")
        if left >= floor.value:
            return V.special_case(f"Còn {fmt_months(left)} công tác ({when}): dưới {required.value} tháng nhưng từ "
                                  f"{floor.value} tháng trở lên — chỉ bổ nhiệm được như trường hợp đặc biệt về độ tuổi "
                                  "(3 bước, cấp có thẩm quyền quyết định).", required, floor)
        return V.failed(f"Còn {fmt_months(left)} công tác ({when}), dưới mức trường hợp đặc biệt {floor.value} tháng.",
                        required, floor)
    return V.failed(f"Còn {fmt_months(left)} công tác ({when}), chưa đủ trọn một nhiệm kỳ ({required.value} tháng).",
                    required)


def _appointment_age_text(current: PostFacts | None, dest: PostFacts, left: int, cadre: CadreFacts, t: dt.date,
                          required: int) -> str:
    why = move_text(current, dest)
    return (f"{why[0].upper()}{why[1:]}: còn {fmt_months(left)} công tác ({retirement_phrase(cadre, t)}), "
            f"đủ trọn một nhiệm kỳ ({required} tháng).")


def check_discipline_bar(V: VerdictFactory, case: CaseFacts, t: dt.date, p: ParamsAt) -> Verdict:
    higher, current, dest = is_higher_move(case)
    if not higher:
        return not_higher(V, current, dest, case=case)
    bars = p("appointment.discipline_bar_months")
    blocking, review = [], []
    for d in case.cadre.discipline:
        form = DISCIPLINE_TEXT.get(d.form, d.form)
        if d.decided is None:
            raise MissingFacts(f"ngày quyết định kỷ luật {form}")
        if d.decided > t:
            continue
        months = bars.value.get(d.form)
        if months is None:
            review.append(f"kỷ luật {form} ngày {fmt_date(d.decided)}")
            continue
        free_from = add_months(d.decided, months)
        if t < free_from:
            blocking.append(f"kỷ luật {form} ngày {fmt_date(d.decided)}: chưa đủ {months} tháng "
                            f"(được xem xét từ {fmt_date(free_from)})")
    if blocking:
        return V.failed(f"Chưa được bổ nhiệm chức vụ cao hơn: {listing(blocking)}.", bars)
    if review:
        return V.needs_review(f"Văn bản chưa quy định thời hạn bằng số cho: {listing(review)}; cần cấp có thẩm quyền xem xét.",
                              bars)
    return V.passed((_no_bar_text, t), bars)


def _no_bar_text(t: dt.date) -> str:
    return f"Không vướng thời hạn sau kỷ luật khi bổ nhiệm chức vụ cao hơn tại {fmt_date(t)}."


# -- PLAN-11 ----------------------------------------------------------------------------------------
def check_planning_shares(V: VerdictFactory, body, t: dt.date, p: ParamsAt) -> Verdict:
    women_min = p("planning.min_women_percent")
    young_min = p("planning.min_young_percent")
    young_age = p("planning.young_age_years")
    planned, levels = [], {}
    for cadre in body.cadres:
        entries = cadre.planning_in_force(t)
        if entries:
            planned.append(cadre)
            found = [level_of_title(body.dataset, e.title.id) for e in entries]
            found = [lv for lv in found if lv]
            levels[cadre.id] = max(found, key=LEVEL_ORDER.get) if found else None
    if not planned:
        return V.not_applicable(f"Không có quy hoạch còn hiệu lực tại {fmt_date(t)}.", women_min)
    women = sum(1 for c in planned if c.gender == "nu")
    young = unknown = 0
    for cadre in planned:
        level = levels[cadre.id]
        if cadre.birth is None or level is None or level not in young_age.value:
            unknown += 1
        elif cadre.age_on(t) < young_age.value[level]:
            young += 1
    n = len(planned)
    women_pct, young_pct = pct(women, n), pct(young, n)
    text = (f"Danh sách quy hoạch {n} người: nữ {women} ({num(women_pct)}%, yêu cầu ≥ {num(women_min.value)}%), "
            f"trẻ {young} ({num(young_pct)}%, yêu cầu ≥ {num(young_min.value)}%)")
    if unknown:
        text += f"; {unknown} người chưa xác định được tuổi hoặc cấp chức danh"
    if women_pct >= women_min.value and young_pct >= young_min.value:
        return V.passed(text + ".", women_min, young_min, young_age)
    return V.failed(text + ".", women_min, young_min, young_age)


# -- memo keys (what a verdict depends on besides the date and the parameters) -------------------------
# Each rule below is pure: its verdict is a function of these facts, of ``t`` and of the parameters
# in force. The evaluator computes it once per distinct key (engine.registry.RuleVersion.key).
def _ids(items) -> tuple:
    return tuple(map(id, items))


def key_planning(case: CaseFacts, t: dt.date):
    planning = case.cadre.planning
    if not planning:
        return (case.purpose, ())
    return (case.purpose, _ids(planning))


def key_period(case: CaseFacts, t: dt.date):
    proposal = case.proposal
    return None if proposal is None else (proposal.start, proposal.end)


_NOT_BARRED = ((), ())


def key_barred(case: CaseFacts, t: dt.date):
    cadre = case.cadre
    if not cadre.discipline and not cadre.proceedings:
        return _NOT_BARRED
    return (_ids(cadre.discipline), _ids(cadre.proceedings))


def key_health(case: CaseFacts, t: dt.date):
    return (case.cadre.health_certificate,)
