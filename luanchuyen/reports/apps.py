from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "luanchuyen.reports"
    verbose_name = "Báo cáo"
