from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_restore, backup_verify


class Command(BaseCommand):
    help = (
        "Restaura una copia hecha con «manage.py backup»: la base de datos completa y los archivos en su "
        "lugar (MEDIA_ROOT, IGM_SIGNING_P12). Antes de escribir nada comprueba el SHA-256 de cada archivo "
        "y rechaza una copia alterada. Rechaza reemplazar una base de datos con datos, o un archivo con "
        "otro contenido, sin --confirm. Detenga el servidor web y el worker antes de restaurar."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Directorio de la copia.")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Reemplaza la base de datos y los archivos existentes aunque tengan datos.",
        )
        parser.add_argument(
            "--verify", action="store_true", help="Solo comprueba la copia (sumas SHA-256); no escribe nada."
        )

    def handle(self, *args, **options):
        try:
            if options["verify"]:
                manifest = backup_verify(source=options["directory"])
            else:
                result = backup_restore(source=options["directory"], confirm=options["confirm"])
                manifest = result.manifest
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"No se pudo leer o escribir un archivo: {error}") from error
        described = (
            f"copia del {manifest['created_at']} (versión {manifest['app']['version']}, "
            f"commit {manifest['app']['commit'] or 'desconocido'}, {manifest['database']['engine']}, "
            f"{len(manifest['files'])} archivos)"
        )
        for name in manifest["missing_files"]:
            self.stderr.write(f"La copia no contiene (faltaba al respaldar): {name}")
        if options["verify"]:
            self.stdout.write(self.style.SUCCESS(f"Copia íntegra: {described}."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Restaurada la {described}: {result.files_written} archivos escritos, "
                f"{result.files_unchanged} ya estaban iguales. Si el código es más reciente que la copia, "
                "ejecute «manage.py migrate»."
            )
        )
