from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "luanchuyen.organization"
    verbose_name = "Tổ chức"
