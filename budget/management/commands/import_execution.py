from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from budget.execution_files import execution_file_check
from budget.management.commands.export_execution_template import command_institution
from budget.services.uploads import execution_file_import


class Command(BaseCommand):
    help = (
        "Importa un archivo de ejecución mensual (XLSX o CSV con las columnas de la plantilla). "
        "Como la página de carga, rechaza el archivo que no sea XLSX o CSV o que pese más que "
        "IGM_MAX_UPLOAD_BYTES. Valida todas las filas; si hay un solo error no guarda nada "
        "y los lista todos. "
        "Con --dry-run solo muestra lo que haría."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="archivo .xlsx o .csv")
        parser.add_argument(
            "--user", help="usuario que carga (se aplican sus permisos); por omisión, el sistema"
        )
        parser.add_argument("--institution", help="siglas de la institución cuando no se indica --user")
        parser.add_argument(
            "--dry-run", action="store_true", help="validar y mostrar el resultado sin guardar"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        try:
            execution_file_check(name=path.name, size=path.stat().st_size)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No existe el usuario «{options['user']}».")
            if user.institution is None:
                raise CommandError(f"El usuario «{user.username}» no pertenece a ninguna institución.")
            institution = user.institution
        else:
            institution = command_institution(options["institution"])
        try:
            upload, outcome = execution_file_import(
                content=path.read_bytes(),
                name=path.name,
                user=user,
                institution=institution,
                dry_run=options["dry_run"],
            )
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        if not outcome.ok:
            for error in outcome.errors:
                self.stderr.write(error["message"])
            raise CommandError(f"El archivo tiene {outcome.error_count} errores; no se guardó nada.")
        verb = "Se crearían" if options["dry_run"] else "Creadas"
        self.stdout.write(
            f"{verb}: {outcome.created} filas nuevas; modificadas: {outcome.updated}; sin cambios: "
            f"{outcome.unchanged}; omitidas sin valores: {outcome.skipped}."
            + (
                f" Carga n.º {upload.pk}, SHA-256 {upload.sha256}."
                if upload
                else " (simulación: nada guardado)"
            )
        )
