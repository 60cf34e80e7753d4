"""The administration (Django admin, `quan_tri` only: admin_site.py): users, roles, groups, API tokens.
Every change made there also goes to the audit log, with the fields it changed."""
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from rest_framework.authtoken.admin import TokenAdmin as BaseTokenAdmin
from rest_framework.authtoken.models import TokenProxy

from luanchuyen.accounts.models import User
from luanchuyen.audit.services import audit_record


class AuditedAdmin(admin.ModelAdmin):
    """Writes each addition, change and deletion to the audit log as well as to Django's admin log.
    The change message names the fields changed, never their values (a password stays out)."""

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        audit_record(actor=request.user, action="admin.added", obj=obj, request=request,
                     data={"object": str(obj), "changes": message})
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        audit_record(actor=request.user, action="admin.changed", obj=obj, request=request,
                     data={"object": str(obj), "changes": message})
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            audit_record(actor=request.user, action="admin.deleted", obj=obj, request=request,
                         data={"object": str(obj)})
        return entries


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Vai trò trong luanchuyen", {"fields": ("role", "unit", "cadre")}))
    list_display = ("username", "first_name", "last_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("unit", "cadre")


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedAdmin, BaseGroupAdmin):
    pass


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class TokenAdmin(AuditedAdmin, BaseTokenAdmin):
    pass
