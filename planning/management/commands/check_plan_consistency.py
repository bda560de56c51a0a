from django.core.management.base import BaseCommand, CommandError

from planning.models import Plan
from planning.selectors.consistency import plan_consistency_findings


class Command(BaseCommand):
    help = (
        "Verifica la coherencia de las cifras de un plan: proyección del presupuesto contra metas "
        "financieras "
        "por programa y año, totales de las matrices contra sus filas, metas de productos contra sus "
        "subproductos, ficha multianual de indicadores contra la matriz de metas, y cifras escritas en los "
        "resultados contra sus metas. Imprime cada diferencia con su lugar y ambas cifras. Con --strict "
        "termina con código 1 si encuentra alguna."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--institution", default="IGM", help="Siglas de la institución (por defecto IGM)."
        )
        parser.add_argument(
            "--plan", default="POM", choices=["PEI", "POM", "POA"], help="Tipo de plan (por defecto POM)."
        )
        parser.add_argument(
            "--start-year", type=int, help="Año inicial del plan (por defecto, el más reciente)."
        )
        parser.add_argument("--strict", action="store_true", help="Terminar con código 1 si hay diferencias.")

    def handle(self, *args, institution: str, plan: str, start_year: int | None, strict: bool, **options):
        plans = Plan.objects.filter(institution__code=institution, kind=plan).order_by("-start_year")
        if start_year is not None:
            plans = plans.filter(start_year=start_year)
        target = plans.first()
        if target is None:
            since = f" que inicie en {start_year}" if start_year else ""
            raise CommandError(f"No hay un plan {plan} de «{institution}»{since}.")
        findings = plan_consistency_findings(plan=target)
        self.stdout.write(f"{target.name} ({institution}): {len(findings)} diferencia(s).")
        for finding in findings:
            self.stdout.write(f"  - {finding.message}")
        if strict and findings:
            raise CommandError(f"{len(findings)} diferencia(s) en {target.name}.", returncode=1)
