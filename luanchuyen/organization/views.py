"""Screens of the organization: the unit tree with quotas at a date, and one unit with its holders."""
from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from luanchuyen.audit.services import audit_record
from luanchuyen.core.access import cadre_reader_required
from luanchuyen.core.text import typed_query
from luanchuyen.organization import tree
from luanchuyen.organization.forms import OnDateForm
from luanchuyen.organization.tree import unit_default_date, unit_get, unit_posts_with_holders


@require_GET
@cadre_reader_required
def tree_view(request):
    form = OnDateForm(request.GET)
    on, problem = form.date_or(timezone.localdate())
    query = typed_query(request.GET.get("q"))
    overview = tree.units_in_force_count(on=on) > tree.TREE_MAX_UNITS
    if overview:
        groups, total = tree.organization_overview(on=on, query=query)
    else:
        groups, total = tree.organization_tree(on=on)
    return render(request, "organization/tree.html", {"form": form, "on": on, "problem": problem,
                                                      "groups": groups, "total": total, "overview": overview,
                                                      "query": query, "shown": tree.TOP_UNITS_SHOWN})


@require_GET
@cadre_reader_required
def unit_view(request, unit_id: str):
    unit = unit_get(unit_id=unit_id)
    form = OnDateForm(request.GET)
    on, problem = form.date_or(unit_default_date(unit, timezone.localdate()))
    posts, figures, children = unit_posts_with_holders(user=request.user, unit=unit, on=on)
    audit_record(actor=request.user, action="unit.viewed", obj=unit, data={"on": on.isoformat()}, request=request)
    return render(request, "organization/unit.html", {"form": form, "unit": unit, "on": on, "problem": problem,
                                                      "posts": posts, "figures": figures, "children": children,
                                                      "in_force": unit.is_valid_on(on)})
