from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from planning.models import Institution
from reporting.signing import certificate_create


class Command(BaseCommand):
    help = (
        "Crea un certificado de firma de demostración (PKCS#12 autofirmado) en IGM_SIGNING_P12 si no existe. "
        "Solo para desarrollo y pruebas: en producción use el certificado de la institución."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reemplaza el archivo si ya existe.")
        parser.add_argument(
            "--institution", default="IGM", help="Siglas de la institución (nombre del firmante)."
        )

    def handle(self, *args, **options):
        path = Path(settings.IGM_SIGNING_P12)
        if path.exists() and not options["force"]:
            self.stdout.write(f"El certificado ya existe: {path}")
            return
        institution = Institution.objects.filter(code=options["institution"]).first()
        signer = institution.head_name if institution and institution.head_name else "Máxima autoridad"
        certificate_create(
            path=path,
            password=settings.IGM_SIGNING_P12_PASSWORD,
            common_name=f"{signer} (demostración)",
            organization=institution.name if institution else "Instituto Guatemalteco de Migración",
        )
        self.stdout.write(self.style.SUCCESS(f"Certificado de demostración creado: {path}"))
