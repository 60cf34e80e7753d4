"""A rotation plan + a date + a purpose → an optimizer instance ``luanchuyen-optimize/v1`` (DOMAIN.md §10.3).

Pure over rule facts (``DatasetFacts``) and plain rows: no ORM here, so the choices below are
tested directly and the service only gathers the inputs.

- **Candidates**: cadres holding a main post at the date, not already in the plan, not on a rotation
  under way at the date, whose general eligibility for the purpose (``Evaluator.eligibility``:
  ROT-01/02/03/07/08) has no ``fail`` but for the paperwork of ``PAPERWORK_RULES``, and — when ``planned_only`` (the default) — with a planning
  entry in force at the date. Each carries its current unit, home locality and groups ``nu``/``tre``.
- **Posts**: posts (and their units) in force at the date with a free slot — holders at the date
  who are not themselves away on a rotation, and proposals of this plan that already go there, are
  counted — plus the posts named in the plan's ``targets.posts``. The receiving locality is the
  post's resolved locality (the province for a provincial agency).
- **Pairs**: every (candidate, post) whose hypothetical proposal (purpose, from the current post, to
  the post, start = date, end = date + duration, in the plan) gets no ``fail`` from
  ``Evaluator.proposal`` (ROT-01…08, 15, 16, the plan's own rules, APPT-* for a higher post), a
  paperwork fail (``PAPERWORK_RULES``) aside: it is kept on the pair with the warnings.
- **Score** (integer points, every part kept with its Vietnamese label): see ``SCORE_PARTS``.
- **Constraints**: the plan's ``targets`` keys of §10.3 (``group_share_min``, ``max_in_per_locality``,
  ``min_in_per_locality``, ``max_out_per_unit``) apply to this run's new assignments; ``total`` is
  the plan's target minus the proposals it already has (or the run's own bounds); pins → ``fixed``,
  forbids → ``forbidden``.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from luanchuyen.rules.engine.dates import add_months
from luanchuyen.rules.engine.errors import NoValueInForce
from luanchuyen.rules.engine.verdict import FAIL, NEEDS_REVIEW, PASS, WARN
from luanchuyen.rules.evaluate import Evaluator
from luanchuyen.rules.facts import CadreFacts, DatasetFacts, PlanFacts, PostFacts, ProposalFacts

FORMAT = "luanchuyen-optimize/v1"

# Rules whose fail the dossier cures before the decision, not the choice of people: a health certificate
# older than 6 months (ROT-08, NĐ 170/2025 Đ43 k5) is renewed while the file is prepared, and one issued
# now would be out of date by a later start anyway. Such a fail keeps the cadre in the pool and shows on
# the pair as a step to take ("cần bổ sung hồ sơ"); the proposals accepted from a run are checked with
# every rule as usual, so the fail stays visible there until the new certificate is recorded.
PAPERWORK_RULES = frozenset({"ROT-08"})


def blocking(verdicts) -> list:
    """The fails that rule a cadre or a pair out (every fail but the paperwork ones)."""
    return [v for v in verdicts if v.outcome == FAIL and v.rule_id not in PAPERWORK_RULES]

# key → (Vietnamese label, points). The weights are the application's choice (docs/optimizer.md).
SCORE_PARTS: dict[str, tuple[str, int]] = {
    "base": ("Cặp hợp lệ theo quy định (điểm cơ bản)", 10),
    "planned_title": ("Chức danh quy hoạch trùng chức danh nơi đến", 40),
    "planned_rank": ("Chức danh nơi đến cùng bậc với chức danh quy hoạch", 20),
    "not_rotated": ("Chưa qua luân chuyển", 20),
    "sector_field": ("Lĩnh vực đào tạo phù hợp ngành chuyên sâu của vị trí", 15),
    "woman": ("Cán bộ nữ (ưu tiên cơ cấu)", 10),
    "young": ("Cán bộ trẻ (ưu tiên cơ cấu)", 10),
    "cadre_preference": ("Nguyện vọng của cán bộ", 0),          # points from the recorded wish
    "unit_preference": ("Đề nghị của đơn vị nơi đến", 0),       # points from the recorded wish
    "caution": ("Có cảnh báo hoặc cần xem xét theo quy định", -2),  # per verdict, at most 4
}
CAUTION_MAX = 4
TARGET_KEYS = ("group_share_min", "max_in_per_locality", "min_in_per_locality", "max_out_per_unit")
GROUP_LABELS = {"nu": "nữ", "tre": "trẻ"}


@dataclass(frozen=True)
class Preference:
    """A stated wish as plain data (from ``StatedPreference``)."""

    side: str                      # "cadre" | "receiving_unit"
    cadre: str
    post: str | None
    unit: str | None
    locality: str | None
    points: int
    note: str = ""


@dataclass
class Built:
    instance: dict[str, Any]
    details: dict[str, Any]
    seconds: float = 0.0
    excluded: dict[str, Counter] = field(default_factory=dict)


def pair_key(candidate: str, post: str) -> str:
    return f"{candidate}|{post}"


def young_age(evaluator: Evaluator, on: dt.date, plan: PlanFacts | None) -> int:
    """The plan's ``plan.young_age_years`` if it sets one, else ``structure.young_age_years`` in force."""
    from luanchuyen.reports.structure import young_age_on

    try:
        return int(evaluator.params(on, plan)("plan.young_age_years").value)
    except NoValueInForce:
        return young_age_on(on)[0]   # the province's definition in force (the earliest one before it)


def sector_fields(evaluator: Evaluator, on: dt.date) -> dict[str, set[str]]:
    try:
        mapping = evaluator.params(on).value("structure.sector_fields")
    except NoValueInForce:
        return {}
    return {sector: {f for f in str(fields).split(",") if f} for sector, fields in mapping.items()}


def _overlaps(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None) -> bool:
    return a_start <= (b_end or b_start) and b_start <= (a_end or a_start)


def _away_on(dataset: DatasetFacts, cadre_id: str, on: dt.date) -> bool:
    """Is the cadre on a rotation under way at ``on`` (started, not yet ended)?"""
    return any(p.start <= on <= (p.actual_end or p.end or on) for p in dataset.proposals_by_cadre.get(cadre_id, ()))


def free_slots(dataset: DatasetFacts, post: PostFacts, on: dt.date, plan_proposals: Iterable[ProposalFacts],
               end: dt.date) -> int:
    """Slots of ``post`` not held at ``on`` (holders away on a rotation do not count, as in ROT-06), less
    the proposals of the plan that already go there in an overlapping period."""
    held = 0
    for cadre, position in dataset.occupants(post.id):
        if position.held_on(on) and not _away_on(dataset, cadre.id, on):
            held += 1
    taken = sum(1 for pr in plan_proposals
                if any(p.id == post.id for p in pr.to_posts) and _overlaps(pr.start, pr.end, on, end))
    return post.slots - held - taken


def target_constraints(targets: Any) -> tuple[dict[str, Any], list[str]]:
    """The §10.3 keys of a plan's targets that are well formed; problems named in Vietnamese."""
    out: dict[str, Any] = {}
    problems: list[str] = []
    if not isinstance(targets, dict):
        return out, ["Chỉ tiêu của kế hoạch không phải một đối tượng JSON; bỏ qua."]

    def whole(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0

    shares = targets.get("group_share_min")
    if shares is not None:
        if isinstance(shares, dict) and all(k in GROUP_LABELS and isinstance(v, (int, float)) and not isinstance(v, bool)
                                            and 0 <= v <= 100 for k, v in shares.items()):
            out["group_share_min"] = dict(shares)
        else:
            problems.append("Chỉ tiêu «group_share_min» cần dạng {\"nu\": %, \"tre\": %} (0–100); bỏ qua.")
    for key in ("max_in_per_locality", "min_in_per_locality", "max_out_per_unit"):
        value = targets.get(key)
        if value is None:
            continue
        if whole(value):
            out[key] = value
        else:
            problems.append(f"Chỉ tiêu «{key}» phải là số nguyên không âm; bỏ qua.")
    return out, problems


def target_total(targets: Any) -> tuple[int | None, int | None]:
    total = targets.get("total") if isinstance(targets, dict) else None
    if not isinstance(total, dict):
        return None, None

    def whole(v: Any) -> int | None:
        return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None

    return whole(total.get("min")), whole(total.get("max"))


def build_instance(
    dataset: DatasetFacts,
    *,
    plan_id: str,
    on: dt.date,
    purpose: str,
    duration_months: int,
    planned_only: bool = True,
    total_min: int | None = None,
    total_max: int | None = None,
    preferences: Iterable[Preference] = (),
    pins: Iterable[dict] = (),
    forbids: Iterable[dict] = (),
    evaluator: Evaluator | None = None,
) -> Built:
    evaluator = evaluator or Evaluator(dataset)
    plan = dataset.plans[plan_id]
    end = add_months(on, duration_months)
    plan_proposals = [pr for pr in dataset.proposals if pr.plan_id == plan_id]
    in_plan = {pr.cadre_id for pr in plan_proposals}
    young = young_age(evaluator, on, plan)
    fields_of = sector_fields(evaluator, on)
    excluded: dict[str, Counter] = {"candidates": Counter(), "pairs": Counter()}

    # -- candidates ---------------------------------------------------------------------------
    candidates: list[tuple[CadreFacts, PostFacts]] = []
    for cadre in dataset.cadres.values():
        position = cadre.position_at(on)
        if position is None:
            continue
        if cadre.id in in_plan:
            excluded["candidates"]["Đã có đề xuất trong kế hoạch"] += 1
            continue
        if _away_on(dataset, cadre.id, on):
            excluded["candidates"]["Đang trong thời gian luân chuyển"] += 1
            continue
        if planned_only and not cadre.planning_in_force(on):
            excluded["candidates"]["Không có quy hoạch còn hiệu lực"] += 1
            continue
        failed = [v.rule_id for v in blocking(evaluator.eligibility(cadre, on, purpose))]
        if failed:
            excluded["candidates"][f"Không đủ điều kiện chung ({', '.join(failed)})"] += 1
            continue
        candidates.append((cadre, position.post))

    # -- posts ----------------------------------------------------------------------------------
    named = plan.targets.get("posts") if isinstance(plan.targets, dict) else None
    named_ids = {p for p in named if isinstance(p, str)} if isinstance(named, list) else set()
    posts: list[tuple[PostFacts, int]] = []
    for post in dataset.posts.values():
        if not (post.valid_on(on) and post.unit.valid_on(on)):
            continue
        free = free_slots(dataset, post, on, plan_proposals, end)
        if free > 0:
            posts.append((post, free))
        elif post.id in named_ids:
            posts.append((post, max(free, 1)))   # named by the plan: the rules (ROT-06) decide

    # -- pairs ----------------------------------------------------------------------------------
    prefs_by_cadre: dict[str, list[Preference]] = {}
    for pref in preferences:
        prefs_by_cadre.setdefault(pref.cadre, []).append(pref)
    pairs: list[dict] = []
    pair_details: dict[str, dict] = {}
    for cadre, from_post in candidates:
        planning = cadre.planning_in_force(on)
        rotated = any(pr.start < on for pr in dataset.proposals_by_cadre.get(cadre.id, ()))
        have_fields = {e.field for e in cadre.education if e.field and (e.year is None or e.year <= on.year)}
        for post, _free in posts:
            if post.id == from_post.id:
                continue
            proposal = ProposalFacts(
                id=f"toi-uu:{cadre.id}:{post.id}", cadre_id=cadre.id, purpose=purpose, from_post=from_post,
                to_posts=(post,), start=on, end=end, outstanding_capacity=False, plan_id=plan_id,
                actual_end=None, placement=None, evaluations=None, allowance=None)
            verdicts = evaluator.proposal(proposal, on)
            refused = blocking(verdicts)
            if refused:
                for v in refused:
                    excluded["pairs"][v.rule_id] += 1
                continue
            cautions = [v for v in verdicts if v.outcome in (WARN, NEEDS_REVIEW)
                        or (v.outcome == FAIL and v.rule_id in PAPERWORK_RULES)]
            parts = _score_parts(cadre, post, on, planning, rotated, have_fields, fields_of, young,
                                 prefs_by_cadre.get(cadre.id, ()), len(cautions))
            score = sum(part["points"] for part in parts)
            pairs.append({"candidate": cadre.id, "post": post.id, "score": score})
            pair_details[pair_key(cadre.id, post.id)] = {
                "score": score,
                "parts": parts,
                "verdicts": [{"rule": v.rule_id, "outcome": v.outcome, "reason": v.reason} for v in cautions],
                "passed": sum(1 for v in verdicts if v.outcome == PASS),
                "checked": len(verdicts),
            }

    # -- instance ---------------------------------------------------------------------------------
    constraints, problems = target_constraints(plan.targets)
    plan_min, plan_max = target_total(plan.targets)
    low = total_min if total_min is not None else (max(0, plan_min - len(in_plan)) if plan_min is not None else None)
    high = total_max if total_max is not None else (max(0, plan_max - len(in_plan)) if plan_max is not None else None)
    total = {k: v for k, v in (("min", low), ("max", high)) if v is not None}
    if total:
        constraints = {"total": total, **constraints}
    fixed = [{"candidate": p["candidate"], "post": p["post"]} for p in pins]
    forbidden = [{"candidate": p["candidate"], "post": p["post"]} for p in forbids]
    if fixed:
        constraints["fixed"] = fixed
    if forbidden:
        constraints["forbidden"] = forbidden
    used_posts = {p["post"] for p in pairs}
    instance = {
        "format": FORMAT,
        "candidates": [
            {"id": c.id, "unit": fp.unit.id, "home": c.hometown or c.birthplace,
             "groups": _groups(c, on, young)} for c, fp in candidates
        ],
        "posts": [{"id": p.id, "unit": p.unit.id, "locality": p.locality, "slots": free} for p, free in posts],
        "pairs": pairs,
        "constraints": constraints,
    }
    localities = dataset.localities
    existing = _existing(dataset, plan_proposals, young)
    details = {
        "young_age": young,
        "end": end.isoformat(),
        "problems": problems,
        "candidates": {
            c.id: {"name": c.full_name, "gender": c.gender, "age": _age(c, on), "groups": _groups(c, on, young),
                   "unit": fp.unit.id, "unit_name": fp.unit.name, "from_post": fp.id, "from_label": fp.label,
                   "planning": [e.title.name for e in c.planning_in_force(on)]}
            for c, fp in candidates
        },
        "posts": {
            p.id: {"label": p.label, "title": p.title.name, "unit": p.unit.id, "unit_name": p.unit.name,
                   "locality": p.locality,
                   "locality_name": localities[p.locality].name if p.locality in localities else (p.locality or "—"),
                   "slots": free, "used": p.id in used_posts}
            for p, free in posts
        },
        "pairs": pair_details,
        "existing": existing,
        "locality_names": {loc: localities[loc].name for loc in {p.locality for p, _ in posts} | set(existing["localities"])
                           if loc in localities},
        "excluded": {k: dict(v.most_common()) for k, v in excluded.items()},
        "targets": plan.targets if isinstance(plan.targets, dict) else {},
    }
    return Built(instance=instance, details=details, excluded=excluded)


def _age(cadre: CadreFacts, on: dt.date) -> int | None:
    return cadre.age_on(on) if cadre.birth is not None else None


def _groups(cadre: CadreFacts, on: dt.date, young: int) -> list[str]:
    groups = []
    if cadre.gender == "nu":
        groups.append("nu")
    age = _age(cadre, on)
    if age is not None and age < young:
        groups.append("tre")
    return groups


def _part(key: str, points: int | None = None, detail: str = "") -> dict:
    label, default = SCORE_PARTS[key]
    return {"key": key, "label": label + (f": {detail}" if detail else ""),
            "points": default if points is None else points}


def _score_parts(cadre: CadreFacts, post: PostFacts, on: dt.date, planning, rotated: bool, have_fields: set[str],
                 fields_of: dict[str, set[str]], young: int, prefs: Iterable[Preference], cautions: int) -> list[dict]:
    parts = [_part("base")]
    titles = {entry.title.id for entry in planning}
    if post.title.id in titles:
        parts.append(_part("planned_title", detail=post.title.name))
    elif post.title.rank is not None and any(entry.title.rank == post.title.rank for entry in planning):
        planned = next(entry.title.name for entry in planning if entry.title.rank == post.title.rank)
        parts.append(_part("planned_rank", detail=f"quy hoạch {planned}"))
    if not rotated:
        parts.append(_part("not_rotated"))
    sector = post.title.sector
    if sector and have_fields & fields_of.get(sector, set()):
        parts.append(_part("sector_field", detail=", ".join(sorted(have_fields & fields_of[sector]))))
    if cadre.gender == "nu":
        parts.append(_part("woman"))
    age = _age(cadre, on)
    if age is not None and age < young:
        parts.append(_part("young", detail=f"{age} tuổi, dưới {young}"))
    for pref in prefs:
        if pref.side == "cadre":
            if (pref.post == post.id or (pref.post is None and pref.unit == post.unit.id)
                    or (pref.post is None and pref.unit is None and pref.locality == post.locality)):
                parts.append(_part("cadre_preference", pref.points, pref.note))
        elif pref.unit == post.unit.id and (pref.post is None or pref.post == post.id):
            parts.append(_part("unit_preference", pref.points, pref.note))
    if cautions:
        n = min(cautions, CAUTION_MAX)
        parts.append(_part("caution", SCORE_PARTS["caution"][1] * n, f"{cautions} lưu ý"))
    return parts


def _existing(dataset: DatasetFacts, plan_proposals: list[ProposalFacts], young: int) -> dict:
    """What the plan already holds: counts per receiving locality and sending unit, and per group."""
    localities: Counter = Counter()
    units: Counter = Counter()
    groups: Counter = Counter()
    cadres: set[str] = set()
    for pr in plan_proposals:
        first = pr.to_posts[0] if pr.to_posts else None
        if first is not None and first.locality:
            localities[first.locality] += 1
        cadre = dataset.cadres.get(pr.cadre_id)
        src = pr.from_post
        if src is None and cadre is not None:
            pos = cadre.position_at(pr.start)
            src = pos.post if pos else None
        if src is not None:
            units[src.unit.id] += 1
        if cadre is not None and cadre.id not in cadres:
            cadres.add(cadre.id)
            groups.update(_groups(cadre, pr.start, young))
    return {"count": len({pr.cadre_id for pr in plan_proposals}), "localities": dict(localities),
            "units": dict(units), "groups": dict(groups)}
