"""Users and their roles (DOMAIN.md §1)."""
from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from luanchuyen.core.choices import PROVINCE_WIDE_ROLES, UserRole


# The applications whose records the administration shows (accounts/admin.py).
ADMINISTERED_APPS = {"accounts", "auth", "authtoken"}


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

    def _administers(self, app_label: str) -> bool:
        return self.is_active and self.is_staff and self.role == UserRole.ADMIN and app_label in ADMINISTERED_APPS

    def has_perm(self, perm, obj=None) -> bool:
        """`quan_tri` manages users, roles and API tokens in the administration without a permission
        list of its own; everything else goes by Django's permissions (no role needs them today)."""
        return self._administers(perm.split(".", 1)[0]) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return self._administers(app_label) or super().has_module_perms(app_label)

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
