"""Reads of rotation plans and proposals, scoped to the user (DOMAIN.md §1, §8)."""
from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from luanchuyen.cadres.selectors import cadre_queryset_for_user
from luanchuyen.core.choices import PROVINCE_WIDE_ROLES, UserRole
from luanchuyen.organization.models import Post
from luanchuyen.rotation.models import Proposal, RotationPlan

PLAN_READERS = (UserRole.ORGANIZATION, UserRole.LEADERSHIP, UserRole.INSPECTION, UserRole.UNIT)


def _check_reader(user) -> None:
    if not getattr(user, "is_authenticated", False) or user.role not in PLAN_READERS:
        raise PermissionDenied


def plan_list_for_user(*, user) -> QuerySet[RotationPlan]:
    """Every plan, with the number of its proposals the user may see (a unit user: its own cadres')."""
    _check_reader(user)
    visible = cadre_queryset_for_user(user).values("pk")
    return RotationPlan.objects.annotate(
        visible_proposals=Count("proposals", filter=Q(proposals__cadre__in=visible), distinct=True))


def plan_get_for_user(*, user, plan_id: str) -> RotationPlan:
    _check_reader(user)
    plan = RotationPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch")
    return plan


def plan_proposals_for_user(*, user, plan: RotationPlan) -> QuerySet[Proposal]:
    """The plan's proposals whose cadre the user may read (cadres.selectors scoping)."""
    _check_reader(user)
    return (Proposal.objects.filter(plan=plan, cadre__in=cadre_queryset_for_user(user).values("pk"))
            .select_related("cadre", "from_post__title", "from_post__unit")
            .prefetch_related(Prefetch("to_posts", queryset=Post.objects.select_related("title", "unit")))
            .order_by("start", "id"))


def may_see_plan_verdicts(user) -> bool:
    """Plan-level verdicts read the whole plan: province-wide roles only."""
    return user.role in PROVINCE_WIDE_ROLES


@dataclass(frozen=True)
class PlanVerdict:
    rule: str
    outcome: str
    outcome_text: str
    reason: str
    citations: tuple[str, ...]


def plan_verdicts(*, plan: RotationPlan) -> list[PlanVerdict]:
    """Evaluator.plan over the database (PLAN-COUNT, PLAN-SHARE-NOT-ROTATED, PLAN-RECEIVE) at the plan's start."""
    from luanchuyen.eligibility.selectors import dataset_facts
    from luanchuyen.rules.engine.verdict import OUTCOME_TEXT
    from luanchuyen.rules.evaluate import Evaluator

    from luanchuyen.rules.engine.errors import DatasetError

    try:
        facts = dataset_facts()
    except DatasetError as e:
        return [PlanVerdict("—", "needs_review", OUTCOME_TEXT["needs_review"],
                            "Dữ liệu chưa đủ để xét theo quy định: " + str(e), ())]
    plan_facts = facts.plans.get(plan.id)
    if plan_facts is None:
        return []
    verdicts = Evaluator(facts).plan(plan_facts, plan.period_start)
    return [PlanVerdict(v.rule_id, v.outcome, OUTCOME_TEXT.get(v.outcome, v.outcome), v.reason, tuple(v.citations))
            for v in verdicts]
