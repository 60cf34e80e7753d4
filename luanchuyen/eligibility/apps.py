from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "luanchuyen.eligibility"
    verbose_name = "Điều kiện luân chuyển"
