"""Create a plan from the POM matrices workbook written by ``export_plan`` (or the web export)."""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from planning.matrices.model import MatricesError
from planning.matrices.xlsx_reader import matrices_read
from planning.selectors.consistency import plan_consistency_findings
from planning.services.matrices import plan_import

MAX_BYTES = 10 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Importa un plan desde el libro XLSX de sus matrices (hojas Plan, 9.2, 9.3, 9.5 y 8). "
        "Todo o nada: cualquier error deja la base de datos como estaba. Las cifras se guardan "
        "tal como están escritas y cada inconsistencia se informa con su lugar."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Libro XLSX exportado por export_plan o desde la web.")
        parser.add_argument(
            "--reemplazar",
            dest="replace",
            action="store_true",
            help="Sustituye el plan existente de la misma institución, tipo y año inicial.",
        )

    def handle(self, *args, file, replace, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No existe el archivo {path}.")
        if path.suffix.lower() != ".xlsx" or path.stat().st_size > MAX_BYTES:
            raise CommandError("Se espera un libro .xlsx de hasta 10 MB.")
        try:
            with path.open("rb") as handle:
                plan = plan_import(matrices=matrices_read(handle), replace=replace)
        except MatricesError as exc:
            raise CommandError("El libro tiene errores:\n" + "\n".join(exc.errors)) from exc
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError("; ".join(getattr(exc, "messages", [str(exc)]))) from exc
        findings = plan_consistency_findings(plan=plan)
        self.stdout.write(f"Plan «{plan}» importado (id {plan.pk}).")
        for finding in findings:
            self.stdout.write(f"  Inconsistencia en {finding.place}: {finding.message}")
