from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "luanchuyen.interchange"
    verbose_name = "Trao đổi dữ liệu"
