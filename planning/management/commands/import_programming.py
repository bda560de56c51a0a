from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from planning.management.arguments import command_user
from planning.services.programming_import import programming_file_import


class Command(BaseCommand):
    help = (
        "Importa la programación mensual de un XLSX exportado con export_programming (la hoja nombra "
        "institución y año). Rechaza archivos que no sean XLSX o pesen más que IGM_MAX_UPLOAD_BYTES. "
        "Valida todas las filas (cada meta debe sumar exactamente sus doce meses); con un solo error "
        "no guarda nada y los lista con fila y columna. Con --dry-run solo valida."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="archivo .xlsx")
        parser.add_argument("--user", help="usuario de planificación que carga; por omisión, el sistema")
        parser.add_argument("--dry-run", action="store_true", help="validar sin guardar")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        user = command_user(options["user"])
        try:
            outcome = programming_file_import(
                content=path.read_bytes(), name=path.name, user=user, dry_run=options["dry_run"]
            )
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
        if not outcome.ok:
            for error in outcome.errors:
                place = ", ".join(
                    part
                    for part in (
                        f"fila {error['row']}" if error["row"] else "",
                        f"columna {error['column']}" if error["column"] else "",
                    )
                    if part
                )
                self.stderr.write(f"{place}: {error['message']}" if place else error["message"])
            raise CommandError(f"El archivo tiene {len(outcome.errors)} errores; no se guardó nada.")
        verb = "Se cambiarían" if options["dry_run"] else "Cambiados"
        self.stdout.write(
            f"«{outcome.plan.name}»: {outcome.rows} filas leídas. {verb}: {outcome.changed} meses."
        )
