from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from luanchuyen.audit.models import AuditEntry
from luanchuyen.audit.services import audit_record
from luanchuyen.core.access import role_required
from luanchuyen.core.choices import UserRole


@role_required(UserRole.INSPECTION, UserRole.ADMIN)
def audit_list_view(request):
    qs = AuditEntry.objects.select_related("actor")
    action = request.GET.get("action", "").strip()
    object_id = request.GET.get("object_id", "").strip()
    actor = request.GET.get("actor", "").strip()
    if action:
        qs = qs.filter(action__startswith=action)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if actor:
        qs = qs.filter(actor_name=actor)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    audit_record(actor=request.user, action="audit.viewed", request=request,
                 data={"action": action, "object_id": object_id, "actor": actor})
    return render(request, "audit/list.html", {"page": page, "action": action, "object_id": object_id,
                                                "actor": actor})
