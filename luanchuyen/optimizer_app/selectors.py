"""Reads of optimizer runs: only for roles that may see them (to_chuc runs them, lanh_dao reads them)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from luanchuyen.core.choices import UserRole
from luanchuyen.optimizer_app.models import OptimizerRun, StatedPreference
from luanchuyen.rotation.models import RotationPlan

RUN_READERS = (UserRole.ORGANIZATION, UserRole.LEADERSHIP)


def _check(user) -> None:
    if not getattr(user, "is_authenticated", False) or user.role not in RUN_READERS:
        raise PermissionDenied


def runs_for_plan(*, user, plan: RotationPlan) -> QuerySet[OptimizerRun]:
    _check(user)
    return (OptimizerRun.objects.filter(plan=plan).select_related("actor", "accepted_by")
            .defer("instance", "details"))


def run_get_for_user(*, user, plan: RotationPlan, run_id: int) -> OptimizerRun:
    _check(user)
    run = OptimizerRun.objects.filter(plan=plan, pk=run_id).select_related("plan", "actor", "accepted_by").first()
    if run is None:
        raise Http404("Không tìm thấy lần chạy")
    return run


def preferences_for_plan(*, user, plan: RotationPlan) -> QuerySet[StatedPreference]:
    _check(user)
    return (StatedPreference.objects.filter(plan=plan)
            .select_related("cadre", "post__title", "post__unit", "unit", "locality"))
