"""Screens of the rotation plans: the list and a plan with its targets, proposals and plan-level verdicts."""
from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from luanchuyen.audit.services import audit_record
from luanchuyen.core.access import role_required
from luanchuyen.core.choices import UserRole
from luanchuyen.rotation.selectors import (
    PLAN_READERS, may_see_plan_verdicts, plan_get_for_user, plan_list_for_user, plan_proposals_for_user, plan_verdicts,
)


@require_GET
@role_required(*PLAN_READERS)
def plan_list_view(request):
    plans = list(plan_list_for_user(user=request.user))
    audit_record(actor=request.user, action="rotation.plan.listed", request=request,
                 data={"plans": [p.pk for p in plans]})
    return render(request, "rotation/plan_list.html", {"plans": plans})


@require_GET
@role_required(*PLAN_READERS)
def plan_detail_view(request, plan_id: str):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    proposals = list(plan_proposals_for_user(user=request.user, plan=plan))
    verdicts = plan_verdicts(plan=plan) if may_see_plan_verdicts(request.user) else None
    audit_record(actor=request.user, action="rotation.plan.viewed", obj=plan, request=request,
                 data={"proposals": [p.pk for p in proposals]})
    return render(request, "rotation/plan_detail.html", {
        "plan": plan, "proposals": proposals, "verdicts": verdicts,
        "may_optimize": request.user.role in (UserRole.ORGANIZATION, UserRole.LEADERSHIP),
    })
