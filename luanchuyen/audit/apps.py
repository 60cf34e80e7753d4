from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "luanchuyen.audit"
    verbose_name = "Nhật ký truy cập"
