from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "luanchuyen.core"
    verbose_name = "Lõi"
