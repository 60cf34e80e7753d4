from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from luanchuyen.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Vai trò trong luanchuyen", {"fields": ("role", "unit", "cadre")}))
    list_display = ("username", "first_name", "last_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("unit", "cadre")
