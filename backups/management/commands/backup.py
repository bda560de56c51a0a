from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_create


class Command(BaseCommand):
    help = (
        "Respalda la base de datos (una instantánea coherente: pg_dump o la API de respaldo de SQLite, "
        "aunque haya usuarios trabajando) y todos los archivos guardados (MEDIA_ROOT: cargas originales, "
        "fotos, reportes generados y firmados; el certificado de firma IGM_SIGNING_P12) en un directorio "
        "nuevo, con manifest.json (tamaño y SHA-256 de cada archivo, versión, motor, fecha) y SHA256SUMS "
        "(compruébelo con «sha256sum -c SHA256SUMS»). Restáurelo con «manage.py restore DIR»."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            required=True,
            type=Path,
            help="Directorio de la copia: no debe existir o debe estar vacío.",
        )
        parser.add_argument(
            "--allow-missing",
            action="store_true",
            help="Respalda aunque falten archivos que la base de datos menciona (los lista el manifiesto).",
        )

    def handle(self, *args, **options):
        try:
            result = backup_create(output=options["output"], allow_missing=options["allow_missing"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"No se pudo leer o escribir un archivo: {error}") from error
        for name in result.missing:
            self.stderr.write(f"Falta en MEDIA_ROOT (la base de datos lo menciona): {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Copia creada en {result.directory}: {result.files} archivos, "
                f"{result.size / 1048576:.1f} MB. Llévela a otra máquina "
                "(véase README, «Seguridad y respaldo»)."
            )
        )
