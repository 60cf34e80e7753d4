"""Reads the reports need besides the report builders: the user's scope, the province's name."""

from __future__ import annotations

from django.conf import settings

from luanchuyen.core.choices import PROVINCE_WIDE_ROLES, UserRole
from luanchuyen.organization.models import Locality, Unit
from luanchuyen.organization.selectors import unit_subtree_ids


def report_scope(user) -> tuple[set[str] | None, str]:
    """(unit ids the user's reports cover — None for the whole province —, a Vietnamese scope label)."""
    if user.role in PROVINCE_WIDE_ROLES:
        return None, "toàn tỉnh"
    if user.role == UserRole.UNIT and user.unit_id:
        name = Unit.objects.filter(pk=user.unit_id).values_list("name", flat=True).first() or user.unit_id
        return unit_subtree_ids(user.unit_id), f"đơn vị: {name}"
    return set(), "không có phạm vi"


def province_identity() -> tuple[str, str]:
    """(province code, its name) — PROVINCE_CODE and the name of that locality."""
    code = settings.PROVINCE_CODE
    name = Locality.objects.filter(pk=code).values_list("name", flat=True).first()
    return code, name or code
