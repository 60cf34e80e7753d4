from django.apps import AppConfig


class RotationConfig(AppConfig):
    name = "luanchuyen.rotation"
    verbose_name = "Luân chuyển"
