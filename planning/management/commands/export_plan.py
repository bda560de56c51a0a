"""Write a plan's POM matrices (9.2, 9.3, 9.5 and section 8) to an XLSX or PDF file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planning.matrices.pdf import matrices_pdf
from planning.matrices.xlsx_writer import matrices_xlsx
from planning.models import Plan
from planning.selectors.matrices import pom_matrices


class Command(BaseCommand):
    help = (
        "Exporta las matrices del plan (9.2, 9.3, 9.5 y sección 8) a un archivo XLSX o PDF, "
        "según la extensión del archivo de salida. El XLSX se vuelve a leer con import_plan."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int, help="Identificador del plan.")
        parser.add_argument("output", help="Archivo de salida: .xlsx o .pdf.")

    def handle(self, *args, plan_id, output, **options):
        writers = {".xlsx": matrices_xlsx, ".pdf": matrices_pdf}
        path = Path(output)
        writer = writers.get(path.suffix.lower())
        if writer is None:
            raise CommandError("El archivo de salida debe terminar en .xlsx o .pdf.")
        plan = Plan.objects.select_related("institution").filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"No existe el plan {plan_id}.")
        try:
            path.write_bytes(writer(pom_matrices(plan=plan)))
        except OSError as exc:
            raise CommandError(f"No se pudo escribir {path}: {exc}") from exc
        self.stdout.write(f"Matrices de «{plan}» escritas en {path}.")
