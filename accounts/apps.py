from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Cuentas y acceso"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the login receiver)
