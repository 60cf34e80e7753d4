from django.apps import AppConfig


class OptimizerAppConfig(AppConfig):
    name = "luanchuyen.optimizer_app"
    verbose_name = "Tối ưu bố trí"
