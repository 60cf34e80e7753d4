from __future__ import annotations

from luanchuyen.core.choices import UserRole


def restrict_admin_to_admins(site) -> None:
    """Django admin is for `quan_tri` only (DOMAIN.md §1), whatever the staff flag says."""

    def has_permission(request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_authenticated and user.is_staff and user.role == UserRole.ADMIN)

    site.has_permission = has_permission
    site.site_header = "luanchuyen – Quản trị hệ thống"
    site.site_title = "Quản trị luanchuyen"
    site.index_title = "Người dùng và vai trò"
