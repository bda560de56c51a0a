from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.signing import SigningUnavailable, signature_verify


class Command(BaseCommand):
    help = (
        "Verifica la firma digital (PAdES) de un reporte PDF contra el certificado de la institución. "
        "Sale con 0 si es válida; con 1 y «inválida» si el archivo cambió, no está firmado o no es legible."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Ruta del PDF firmado.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        try:
            result = signature_verify(path.read_bytes())
        except SigningUnavailable as error:
            raise CommandError(str(error)) from error
        if not result.valid:
            raise CommandError(result.message)
        self.stdout.write(self.style.SUCCESS(result.message))
        self.stdout.write(f"Firmante: {result.signer}")
        self.stdout.write(f"Fecha de firma: {result.signed_at.isoformat() if result.signed_at else '—'}")
