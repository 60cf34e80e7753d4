from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "luanchuyen.accounts"
    verbose_name = "Tài khoản"
