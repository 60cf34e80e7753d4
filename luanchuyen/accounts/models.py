"""Users and their roles (DOMAIN.md §1)."""
from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from luanchuyen.core.choices import PROVINCE_WIDE_ROLES, UserRole


class User(AbstractUser):
    role = models.CharField("Vai trò", max_length=16, choices=UserRole.choices, default=UserRole.CADRE)
    unit = models.ForeignKey("organization.Unit", verbose_name="Đơn vị (vai trò lãnh đạo đơn vị)",
                             null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    cadre = models.OneToOneField("cadres.Cadre", verbose_name="Hồ sơ cán bộ (vai trò cán bộ)",
                                 null=True, blank=True, on_delete=models.PROTECT, related_name="user")

    class Meta:
        verbose_name = "Người dùng"
        verbose_name_plural = "Người dùng"
        constraints = [
            models.CheckConstraint(condition=~Q(role="don_vi") | Q(unit__isnull=False), name="unit_role_has_unit"),
            models.CheckConstraint(condition=~Q(role="can_bo") | Q(cadre__isnull=False), name="cadre_role_has_cadre"),
        ]

    @property
    def sees_whole_province(self) -> bool:
        return self.role in PROVINCE_WIDE_ROLES

    @property
    def may_read_cadres(self) -> bool:
        return self.role != UserRole.ADMIN

    @property
    def may_read_reports(self) -> bool:
        """The structure report (a unit user sees its own units' figures; a cadre none)."""
        from luanchuyen.reports.views import READERS

        return self.role in READERS

    @property
    def may_read_audit(self) -> bool:
        return self.role in (UserRole.INSPECTION, UserRole.ADMIN)


class LoginFailure(models.Model):
    """Failed logins, for throttling by user name and by address."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
