"""Writes of the optimizer screen: run (build the instance from the rules, solve, keep), pin/forbid,
re-solve, accept into the plan's proposals. Every run and acceptance is audited."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from luanchuyen.audit.services import audit_record
from luanchuyen.core.choices import Purpose, UserRole
from luanchuyen.core.exceptions import ApplicationError
from luanchuyen.eligibility.selectors import dataset_facts
from luanchuyen.optimizer import InstanceError, solve, validate
from luanchuyen.optimizer_app.instance import Preference, blocking, build_instance, pair_key
from luanchuyen.optimizer_app.models import OptimizerRun, StatedPreference
from luanchuyen.organization.models import Post
from luanchuyen.rotation.models import Proposal, RotationPlan
from luanchuyen.rules.engine.dates import add_months, fmt_date
from luanchuyen.rules.engine.errors import DatasetError
from luanchuyen.rules.evaluate import Evaluator
from luanchuyen.rules.facts import ProposalFacts

TIME_LIMIT_SECONDS = 20.0
MAX_DURATION_MONTHS = 120


class OptimizerError(ApplicationError):
    pass


@dataclass(frozen=True)
class RunParameters:
    on: dt.date
    purpose: str
    duration_months: int
    planned_only: bool = True
    total_min: int | None = None
    total_max: int | None = None


def _require_organization(actor) -> None:
    if getattr(actor, "role", None) != UserRole.ORGANIZATION:
        raise PermissionDenied


def check_parameters(plan: RotationPlan, params: RunParameters) -> None:
    """Refuse, in Vietnamese, what cannot be a run of this plan."""
    if plan.status == RotationPlan.Status.FINISHED:
        raise OptimizerError(f"Kế hoạch «{plan.name}» đã kết thúc; không lập phương án mới.")
    if params.purpose not in Purpose.values:
        raise OptimizerError("Mục đích luân chuyển không hợp lệ.")
    if not plan.period_start <= params.on <= plan.period_end:
        raise OptimizerError(f"Ngày bắt đầu luân chuyển {fmt_date(params.on)} nằm ngoài thời gian của kế hoạch "
                             f"({fmt_date(plan.period_start)} – {fmt_date(plan.period_end)}).")
    if not 1 <= params.duration_months <= MAX_DURATION_MONTHS:
        raise OptimizerError(f"Thời gian luân chuyển phải từ 1 đến {MAX_DURATION_MONTHS} tháng.")
    if params.total_min is not None and params.total_max is not None and params.total_min > params.total_max:
        raise OptimizerError(f"Số cán bộ tối thiểu ({params.total_min}) lớn hơn số tối đa ({params.total_max}).")


def plan_preferences(plan: RotationPlan) -> list[Preference]:
    return [Preference(side=p.side, cadre=p.cadre_id, post=p.post_id, unit=p.unit_id, locality=p.locality_id,
                       points=p.points, note=p.note)
            for p in StatedPreference.objects.filter(plan=plan)]


def _facts():
    """The database as rule facts; a record the rules cannot read is named, never a 500."""
    try:
        return dataset_facts()
    except DatasetError as e:
        raise OptimizerError("Dữ liệu chưa đủ để xét theo quy định: " + "; ".join(
            f"{p['list']} {p.get('row') or ''} {p['field']}: {p['message']}" for p in e.problems[:5])) from e


def optimizer_run(*, plan: RotationPlan, params: RunParameters, actor, pins: list[dict] | None = None,
                  forbids: list[dict] | None = None, previous: OptimizerRun | None = None,
                  request=None) -> OptimizerRun:
    """Build the instance from the database and the rules, solve it, check it, keep it, audit it."""
    _require_organization(actor)
    check_parameters(plan, params)
    pins, forbids = list(pins or []), list(forbids or [])
    start = time.perf_counter()
    facts = _facts()
    built = build_instance(facts, plan_id=plan.id, on=params.on, purpose=params.purpose,
                           duration_months=params.duration_months, planned_only=params.planned_only,
                           total_min=params.total_min, total_max=params.total_max,
                           preferences=plan_preferences(plan), pins=pins, forbids=forbids)
    build_seconds = time.perf_counter() - start
    try:
        result = solve(built.instance, time_limit=TIME_LIMIT_SECONDS)
    except InstanceError as e:  # the builder writes valid instances; a failure here is named, not a 500
        result = {"status": "error", "objective": None, "bound": None, "assignments": [], "seconds": 0,
                  "explanation": [str(e)]}
    result["validation"] = validate(built.instance, result) if result["status"] in ("optimal", "feasible") else []
    run = OptimizerRun.objects.create(
        plan=plan, on=params.on, purpose=params.purpose, duration_months=params.duration_months,
        planned_only=params.planned_only, total_min=params.total_min, total_max=params.total_max,
        instance=built.instance, details=built.details, result=result, status=result["status"],
        pins=pins, forbids=forbids, build_seconds=round(build_seconds, 3), actor=actor, previous=previous)
    audit_record(actor=actor, action="optimizer.run", obj=run, request=request, data={
        "plan": plan.id, "on": params.on.isoformat(), "purpose": params.purpose,
        "duration_months": params.duration_months, "planned_only": params.planned_only,
        "candidates": len(built.instance["candidates"]), "posts": len(built.instance["posts"]),
        "pairs": len(built.instance["pairs"]), "status": result["status"], "objective": result.get("objective"),
        "assignments": result.get("assignments", []), "fixed": pins, "forbidden": forbids,
        "build_seconds": round(build_seconds, 3), "solve_seconds": result.get("seconds"),
        "previous": previous.pk if previous else None})
    return run


def optimizer_resolve(*, run: OptimizerRun, actor, request=None) -> OptimizerRun:
    """Solve again with the same parameters and the run's pins and forbids (fresh data and rules)."""
    params = RunParameters(on=run.on, purpose=run.purpose, duration_months=run.duration_months,
                           planned_only=run.planned_only, total_min=run.total_min, total_max=run.total_max)
    return optimizer_run(plan=run.plan, params=params, actor=actor, pins=run.pins, forbids=run.forbids,
                         previous=run, request=request)


CHOICES = ("pin", "unpin", "forbid", "unforbid")


@transaction.atomic
def optimizer_choose(*, run: OptimizerRun, action: str, candidate: str, post: str, actor, request=None) -> OptimizerRun:
    """Pin (fixed) or forbid a pair of the run for the next solve, or take it back.

    Only allowed pairs of the run can be pinned; pinning a candidate replaces their earlier pin;
    a pair is never both pinned and forbidden.
    """
    _require_organization(actor)
    run = OptimizerRun.objects.select_for_update().get(pk=run.pk)
    if action not in CHOICES:
        raise OptimizerError("Thao tác không hợp lệ.")
    if run.accepted_at is not None:
        raise OptimizerError("Phương án này đã được chấp nhận; hãy chạy lần mới để thay đổi.")
    if pair_key(candidate, post) not in run.details.get("pairs", {}):
        raise OptimizerError(f"Cặp {candidate} → {post} không có trong các cặp hợp lệ của lần chạy này.")
    pair = {"candidate": candidate, "post": post}
    pins = [p for p in run.pins if p != pair]
    forbids = [p for p in run.forbids if p != pair]
    if action == "pin":
        pins = [p for p in pins if p["candidate"] != candidate]      # one post per candidate
        same_post = [p for p in pins if p["post"] == post]
        if len(same_post) >= _slots(run, post):                        # no more pins than slots
            pins.remove(same_post[0])
        pins.append(pair)
    elif action == "forbid":
        forbids.append(pair)
    run.pins, run.forbids = pins, forbids
    run.save(update_fields=["pins", "forbids"])
    audit_record(actor=actor, action=f"optimizer.{action}", obj=run, request=request,
                 data={"plan": run.plan_id, **pair})
    return run


def _slots(run: OptimizerRun, post: str) -> int:
    return int(run.details.get("posts", {}).get(post, {}).get("slots", 1))


@transaction.atomic
def optimizer_accept(*, run: OptimizerRun, actor, request=None) -> list[Proposal]:
    """The run's assignment becomes proposals of the plan, all or nothing.

    Refused when the run is not solved or already accepted, when a chosen cadre already has a proposal
    in the plan, or when the rules, run again on today's data, now fail a chosen pair (a paperwork
    fail, PAPERWORK_RULES, aside: the proposal shows it until the dossier is complete).
    """
    _require_organization(actor)
    run = OptimizerRun.objects.select_for_update().select_related("plan").get(pk=run.pk)
    plan = run.plan
    if run.accepted_at is not None:
        raise OptimizerError(f"Phương án này đã được chấp nhận lúc {timezone.localtime(run.accepted_at):%H:%M %d/%m/%Y}.")
    if not run.solved or not run.result.get("assignments"):
        raise OptimizerError("Lần chạy này không có phương án để chấp nhận.")
    if run.result.get("validation"):
        raise OptimizerError("Phương án không qua kiểm tra độc lập: " + "; ".join(run.result["validation"]))
    if plan.status == RotationPlan.Status.FINISHED:
        raise OptimizerError(f"Kế hoạch «{plan.name}» đã kết thúc.")
    assignments = run.result["assignments"]
    cadre_ids = [a["candidate"] for a in assignments]
    taken = sorted(set(Proposal.objects.filter(plan=plan, cadre_id__in=cadre_ids).values_list("cadre_id", flat=True)))
    if taken:
        raise OptimizerError("Không chấp nhận: kế hoạch đã có đề xuất cho cán bộ " + ", ".join(taken)
                             + ". Hãy chạy lại để có phương án mới.")
    end = add_months(run.on, run.duration_months)
    facts = _facts()
    evaluator = Evaluator(facts)
    failures = []
    for a in assignments:
        cadre = facts.cadres.get(a["candidate"])
        post = facts.posts.get(a["post"])
        position = cadre.position_at(run.on) if cadre else None
        if cadre is None or post is None or position is None:
            failures.append(f"{a['candidate']} → {a['post']}: hồ sơ hoặc vị trí không còn như lúc chạy")
            continue
        verdicts = evaluator.proposal(ProposalFacts(
            id=f"chap-nhan:{a['candidate']}", cadre_id=cadre.id, purpose=run.purpose, from_post=position.post,
            to_posts=(post,), start=run.on, end=end, outstanding_capacity=False, plan_id=plan.id, actual_end=None,
            placement=None, evaluations=None, allowance=None), run.on)
        failed = [f"{v.rule_id}: {v.reason}" for v in blocking(verdicts)]   # paperwork is done afterwards
        if failed:
            failures.append(f"{cadre.full_name} → {post.label}: " + " ".join(failed))
    if failures:
        raise OptimizerError("Không chấp nhận: theo dữ liệu hiện tại, quy định không cho phép — " + "; ".join(failures))

    posts = Post.objects.in_bulk([a["post"] for a in assignments])
    created = []
    for i, a in enumerate(assignments, start=1):
        position = facts.cadres[a["candidate"]].position_at(run.on)
        proposal = Proposal(id=_proposal_id(run, i), plan=plan, cadre_id=a["candidate"], purpose=run.purpose,
                            from_post_id=position.post.id, start=run.on, end=end,
                            placement="")
        proposal.full_clean(exclude=["to_posts"])
        proposal.save()
        proposal.to_posts.set([posts[a["post"]]])
        created.append(proposal)
        audit_record(actor=actor, action="rotation.proposal.created", obj=proposal, request=request,
                     data={"plan": plan.id, "cadre": a["candidate"], "purpose": run.purpose,
                           "from_post": position.post.id, "to_posts": [a["post"]], "start": run.on.isoformat(),
                           "end": end.isoformat(), "optimizer_run": run.pk})
    run.accepted_at = timezone.now()
    run.accepted_by = actor
    run.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=actor, action="optimizer.accepted", obj=run, request=request,
                 data={"plan": plan.id, "proposals": [p.id for p in created]})
    return created


def _proposal_id(run: OptimizerRun, i: int) -> str:
    base = f"TU{run.pk}-{i:02d}"
    candidate, n = base, 1
    while Proposal.objects.filter(pk=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def preference_add(*, plan: RotationPlan, side: str, cadre_id: str, post_id: str = "", unit_id: str = "",
                   locality_id: str = "", points: int = 15, note: str = "", actor, request=None) -> StatedPreference:
    """Record a cadre's wish or a receiving unit's request; every reference is checked."""
    from luanchuyen.cadres.models import Cadre
    from luanchuyen.organization.models import Locality, Unit

    _require_organization(actor)
    problems = []
    if side not in StatedPreference.Side.values:
        problems.append("Bên nêu không hợp lệ.")
    cadre = Cadre.objects.filter(pk=cadre_id).first()
    if cadre is None:
        problems.append(f"Không có cán bộ mã «{cadre_id}».")
    post = Post.objects.filter(pk=post_id).select_related("unit").first() if post_id else None
    if post_id and post is None:
        problems.append(f"Không có vị trí mã «{post_id}».")
    unit = Unit.objects.filter(pk=unit_id).first() if unit_id else None
    if unit_id and unit is None:
        problems.append(f"Không có đơn vị mã «{unit_id}».")
    locality = Locality.objects.filter(pk=locality_id).first() if locality_id else None
    if locality_id and locality is None:
        problems.append(f"Không có địa bàn mã «{locality_id}».")
    if not (post_id or unit_id or locality_id):
        problems.append("Cần ghi nơi đến: vị trí, đơn vị hoặc địa bàn.")
    if side == StatedPreference.Side.RECEIVING_UNIT and unit is None and post is not None:
        unit = post.unit
    if side == StatedPreference.Side.RECEIVING_UNIT and not (unit_id or post_id):
        problems.append("Đề nghị của đơn vị nơi đến cần ghi đơn vị (hoặc vị trí).")
    if not 1 <= points <= 100:
        problems.append("Điểm cộng phải từ 1 đến 100.")
    if problems:
        raise OptimizerError(" ".join(problems))
    pref = StatedPreference(plan=plan, side=side, cadre=cadre, post=post, unit=unit, locality=locality,
                            points=points, note=note.strip(), recorded_by=actor)
    pref.full_clean()
    pref.save()
    audit_record(actor=actor, action="optimizer.preference.added", obj=pref, request=request,
                 data={"plan": plan.id, "side": side, "cadre": cadre_id, "post": post_id, "unit": unit.pk if unit else "",
                       "locality": locality_id, "points": points})
    return pref


def preference_delete(*, plan: RotationPlan, preference_id: int, actor, request=None) -> None:
    _require_organization(actor)
    pref = StatedPreference.objects.filter(plan=plan, pk=preference_id).first()
    if pref is None:
        raise OptimizerError("Không tìm thấy nguyện vọng, đề nghị này.")
    audit_record(actor=actor, action="optimizer.preference.deleted", obj=pref, request=request,
                 data={"plan": plan.id, "side": pref.side, "cadre": pref.cadre_id})
    pref.delete()
