from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planning.models import Plan
from planning.programming_files import programming_xlsx


class Command(BaseCommand):
    help = (
        "Escribe la programación mensual del POA de un año en un XLSX: una fila por subproducto y "
        "medida (Física/Financiera) con la meta anual y los doce meses; import_programming lo lee."
    )

    def add_arguments(self, parser):
        parser.add_argument("--institution", required=True, help="siglas de la institución, p. ej. IGM")
        parser.add_argument("--year", type=int, required=True, help="año del POA")
        parser.add_argument("--output", required=True, help="archivo .xlsx de salida")

    def handle(self, *args, **options):
        output = Path(options["output"])
        if output.suffix.lower() != ".xlsx":
            raise CommandError("La salida debe terminar en .xlsx.")
        plan = (
            Plan.objects.filter(
                institution__code=options["institution"], kind=Plan.Kind.POA, start_year=options["year"]
            )
            .select_related("institution")
            .first()
        )
        if plan is None:
            raise CommandError(
                f"{options['institution']} no tiene POA {options['year']}: créelo con create_annual_plan."
            )
        output.write_bytes(programming_xlsx(plan=plan))
        self.stdout.write(f"Programación de «{plan.name}» escrita en {output}.")
