from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budget.execution_files import template_csv, template_dataset, template_xlsx
from budget.selectors import execution_template_rows
from planning.models import Institution

WRITERS = {".xlsx": template_xlsx, ".csv": template_csv}


def command_institution(code: str | None) -> Institution:
    """The institution named by --institution, or the only one there is."""
    institutions = Institution.objects.all()
    if code:
        institutions = institutions.filter(code=code)
    found = list(institutions[:2])
    if len(found) != 1:
        raise CommandError(
            f"No existe la institución «{code}»."
            if code
            else "Hay varias instituciones: indique --institution."
        )
    return found[0]


class Command(BaseCommand):
    help = (
        "Genera la plantilla de ejecución mensual (XLSX o CSV, según la extensión de --output) de un "
        "centro de costo, o de todos con --all, con sus subproductos, unidades y metas vigentes."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--cost-centre", help="código del centro de costo")
        target.add_argument("--all", action="store_true", help="todos los centros de costo en un archivo")
        parser.add_argument("--year", type=int, required=True, help="año")
        parser.add_argument("--month", type=int, required=True, help="mes, 1 a 12")
        parser.add_argument("--output", required=True, help="archivo de salida .xlsx o .csv")
        parser.add_argument("--institution", help="siglas de la institución (si hay más de una)")

    def handle(self, *args, **options):
        output = Path(options["output"])
        writer = WRITERS.get(output.suffix.lower())
        if writer is None:
            raise CommandError("La salida debe terminar en .xlsx o .csv.")
        if not 1 <= options["month"] <= 12:
            raise CommandError(f"El mes {options['month']} no es válido; use un número del 1 al 12.")
        institution = command_institution(options["institution"])
        centres = institution.cost_centres.order_by("code")
        if not options["all"]:
            centres = centres.filter(code=options["cost_centre"])
            if not centres.exists():
                raise CommandError(
                    f"El centro de costo «{options['cost_centre']}» no existe en {institution.code}."
                )
        rows = execution_template_rows(cost_centres=centres, year=options["year"], month=options["month"])
        if not rows:
            raise CommandError(
                f"No hay subproductos que reportar en {options['year']}: ningún plan cubre el año o los "
                "centros de costo no producen subproductos de ese plan."
            )
        output.write_bytes(writer(template_dataset(rows=rows, institution=institution)))
        self.stdout.write(f"Plantilla con {len(rows)} filas escrita en {output}.")
