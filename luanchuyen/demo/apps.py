from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "luanchuyen.demo"
    verbose_name = "Dữ liệu mẫu"
