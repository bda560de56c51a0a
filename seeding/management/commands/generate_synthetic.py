"""National-scale synthetic data for benchmarks: institutions, plans, goals and monthly execution
(built by ``seeding.synthetic``; institutions ``SYN0001``…)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from seeding.synthetic import synthetic_build


class Command(BaseCommand):
    help = (
        "Genera datos sintéticos a escala nacional para medir la API: instituciones con plan, productos, "
        "subproductos, metas, centros de costo y ejecución mensual. Ejemplo: generate_synthetic "
        "--institutions 200 --years 5 (10,000 subproductos, 2,000 centros de costo, ~3 millones de filas)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--institutions", type=int, default=200, help="Número de instituciones (200).")
        parser.add_argument("--years", type=int, default=5, help="Años de ejecución mensual (5).")
        parser.add_argument("--start-year", type=int, default=2021, help="Primer año (2021).")
        parser.add_argument("--products", type=int, default=10, help="Productos por institución (10).")
        parser.add_argument(
            "--subproducts", type=int, default=5, help="Subproductos por producto (5: 50 por institución)."
        )
        parser.add_argument(
            "--cost-centres", type=int, default=10, help="Centros de costo por institución (10)."
        )
        parser.add_argument(
            "--subproducts-per-centre",
            type=int,
            default=25,
            help="Subproductos que reporta cada centro de costo (25).",
        )
        parser.add_argument(
            "--seed", type=int, default=2024, help="Semilla aleatoria, para repetir los datos."
        )

    def handle(self, *args, **options):
        try:
            data = synthetic_build(
                institutions=options["institutions"],
                code="SYN",
                start_year=options["start_year"],
                years=options["years"],
                products=options["products"],
                subproducts=options["subproducts"],
                cost_centres=options["cost_centres"],
                subproducts_per_centre=options["subproducts_per_centre"],
                seed=options["seed"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL walks the whole execution table by id.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Generadas {len(data.institutions)} instituciones, {len(data.production)} pares "
            f"centro-subproducto y {data.executions} filas de ejecución mensual."
        )
