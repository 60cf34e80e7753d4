"""The optimizer screen of a plan: parameters, runs, the proposed assignment with its reasons and
structure impact, pin/forbid, re-solve, accept; and the stated preferences that score pairs."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luanchuyen.audit.services import audit_record
from luanchuyen.core.access import role_required
from luanchuyen.core.choices import UserRole
from luanchuyen.optimizer_app import services
from luanchuyen.optimizer_app.forms import ChoiceForm, PreferenceForm, RunForm
from luanchuyen.optimizer_app.impact import alternatives, impact
from luanchuyen.optimizer_app.selectors import (
    RUN_READERS, preferences_for_plan, run_get_for_user, runs_for_plan,
)
from luanchuyen.rotation.selectors import plan_get_for_user

ORG = UserRole.ORGANIZATION


def _initial(plan) -> dict:
    from luanchuyen.core.choices import Purpose

    return {"on": plan.period_start.strftime("%d/%m/%Y"), "purpose": Purpose.TRAINING,
            "duration_months": plan.targets.get("duration_months", 36) if isinstance(plan.targets, dict) else 36,
            "planned_only": True}


@require_http_methods(["GET", "POST"])
@role_required(*RUN_READERS)
def optimizer_home_view(request, plan_id: str):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    form = RunForm(request.POST or None, initial=_initial(plan))
    if request.method == "POST":
        if request.user.role != ORG:
            raise PermissionDenied
        if form.is_valid():
            try:
                run = services.optimizer_run(plan=plan, params=form.parameters(), actor=request.user,
                                             request=request)
            except services.OptimizerError as e:
                form.add_error(None, e.message)
            else:
                return redirect("optimizer_app:run", plan.id, run.pk)
    runs = list(runs_for_plan(user=request.user, plan=plan)[:20])
    audit_record(actor=request.user, action="optimizer.runs.listed", obj=plan, request=request)
    return render(request, "optimizer_app/home.html", {"plan": plan, "form": form, "runs": runs},
                  status=400 if form.errors else 200)


@require_GET
@role_required(*RUN_READERS)
def optimizer_run_view(request, plan_id: str, run_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    run = run_get_for_user(user=request.user, plan=plan, run_id=run_id)
    effect = impact(run.instance, run.details, run.result.get("assignments", []))
    chosen = {a["candidate"] for a in run.result.get("assignments", [])}
    others = [{"candidate": c, "cand": info, "alternatives": alternatives(run.details, c)}
              for c, info in sorted(run.details.get("candidates", {}).items(), key=lambda x: x[1]["name"])
              if c not in chosen and any(k.startswith(f"{c}|") for k in run.details.get("pairs", {}))]
    audit_record(actor=request.user, action="optimizer.run.viewed", obj=run, request=request,
                 data={"plan": plan.id})
    applied = run.instance.get("constraints", {})
    return render(request, "optimizer_app/run.html", {
        "plan": plan, "run": run, "impact": effect, "others": others,
        "pins": _named(run, run.pins), "forbids": _named(run, run.forbids),
        "pending": run.pins != applied.get("fixed", []) or run.forbids != applied.get("forbidden", []),
        "may_act": request.user.role == ORG and run.accepted_at is None,
    })


def _named(run, pairs: list[dict]) -> list[dict]:
    cands, posts = run.details.get("candidates", {}), run.details.get("posts", {})
    return [{**p, "name": cands.get(p["candidate"], {}).get("name", p["candidate"]),
             "post_label": posts.get(p["post"], {}).get("label", p["post"])} for p in pairs]


@require_POST
@role_required(ORG)
def optimizer_choose_view(request, plan_id: str, run_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    run = run_get_for_user(user=request.user, plan=plan, run_id=run_id)
    form = ChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Yêu cầu ghim/loại không hợp lệ.")
    else:
        try:
            services.optimizer_choose(run=run, actor=request.user, request=request, **form.cleaned_data)
        except services.OptimizerError as e:
            messages.error(request, e.message)
    return redirect("optimizer_app:run", plan.id, run.pk)


@require_POST
@role_required(ORG)
def optimizer_resolve_view(request, plan_id: str, run_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    run = run_get_for_user(user=request.user, plan=plan, run_id=run_id)
    try:
        new = services.optimizer_resolve(run=run, actor=request.user, request=request)
    except services.OptimizerError as e:
        messages.error(request, e.message)
        return redirect("optimizer_app:run", plan.id, run.pk)
    return redirect("optimizer_app:run", plan.id, new.pk)


@require_POST
@role_required(ORG)
def optimizer_accept_view(request, plan_id: str, run_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    run = run_get_for_user(user=request.user, plan=plan, run_id=run_id)
    try:
        created = services.optimizer_accept(run=run, actor=request.user, request=request)
    except services.OptimizerError as e:
        messages.error(request, e.message)
        return redirect("optimizer_app:run", plan.id, run.pk)
    messages.success(request, f"Đã đưa {len(created)} đề xuất vào kế hoạch: {', '.join(p.id for p in created)}.")
    return redirect("rotation:plan-detail", plan.id)


@require_http_methods(["GET", "POST"])
@role_required(*RUN_READERS)
def preference_list_view(request, plan_id: str):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    form = PreferenceForm(request.POST or None)
    if request.method == "POST":
        if request.user.role != ORG:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.preference_add(plan=plan, side=d["side"], cadre_id=d["cadre"].strip(),
                                        post_id=d["post"].strip(), unit_id=d["unit"].strip(),
                                        locality_id=d["locality"].strip(), points=d["points"], note=d["note"],
                                        actor=request.user, request=request)
            except services.OptimizerError as e:
                form.add_error(None, e.message)
            else:
                messages.success(request, "Đã ghi nguyện vọng, đề nghị.")
                return redirect("optimizer_app:preferences", plan.id)
    prefs = list(preferences_for_plan(user=request.user, plan=plan))
    audit_record(actor=request.user, action="optimizer.preferences.listed", obj=plan, request=request)
    return render(request, "optimizer_app/preferences.html", {"plan": plan, "form": form, "preferences": prefs},
                  status=400 if form.errors else 200)


@require_POST
@role_required(ORG)
def preference_delete_view(request, plan_id: str, preference_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    try:
        services.preference_delete(plan=plan, preference_id=preference_id, actor=request.user, request=request)
    except services.OptimizerError as e:
        messages.error(request, e.message)
    return redirect("optimizer_app:preferences", plan.id)
