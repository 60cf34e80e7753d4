from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "luanchuyen.api"
    verbose_name = "API"
