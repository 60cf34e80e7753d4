from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "luanchuyen.rules"
    verbose_name = "Quy tắc"
