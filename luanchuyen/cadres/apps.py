from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "luanchuyen.cadres"
    verbose_name = "Cán bộ"
