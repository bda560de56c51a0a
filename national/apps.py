from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = "Avance nacional"

    def ready(self):
        # reporting runs the consolidated exports as report jobs without importing this app.
        from reporting.kinds import document_kind_register

        from .exports import NATIONAL_DOCUMENT

        document_kind_register(NATIONAL_DOCUMENT)
