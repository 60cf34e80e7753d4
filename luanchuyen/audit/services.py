from __future__ import annotations

from typing import Any

from luanchuyen.audit.models import AuditEntry


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(*, actor, action: str, obj: Any = None, object_type: str = "", object_id: str = "",
                 data: dict | None = None, request=None) -> AuditEntry:
    """Append one entry to the audit log. Services and views call it explicitly."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_name=getattr(user, "username", "") or (actor if isinstance(actor, str) else ""),
        action=action,
        object_type=object_type,
        object_id=object_id,
        data=data or {},
        ip=client_ip(request),
    )
