"""National-scale synthetic data for benchmarks: institutions, plans, goals and monthly execution.

Everything is written in large batches (``bulk_create``; ``COPY`` for execution on PostgreSQL),
so several million execution rows take minutes. Synthetic institutions use the codes
``SYN0001``… and budget codes ``9xxx-…``, which no real institution has.
"""

import random
from datetime import UTC, datetime
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from budget.models import CostCentre, Execution
from indicators.models import IndicatorSheet
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Subproduct,
)

PROGRAMS = (("01", "Actividades Centrales"), ("11", "Programa sustantivo A"), ("12", "Programa sustantivo B"))
UNITS = ("Persona", "Documento")
BATCH = 5000
CENTS = Decimal("0.01")


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
        if options["institutions"] < 1 or options["years"] < 1:
            raise CommandError("Se necesita al menos una institución y un año.")
        if options["subproducts_per_centre"] > options["products"] * options["subproducts"]:
            raise CommandError(
                "Un centro de costo no puede reportar más subproductos que los de su institución."
            )
        if Institution.objects.filter(code__startswith="SYN").exists():
            raise CommandError("Ya hay datos sintéticos (instituciones SYN…); use una base de datos vacía.")
        self.random = random.Random(options["seed"])
        with transaction.atomic():
            pairs = self.build_structure(options)
        years = range(options["start_year"], options["start_year"] + options["years"])
        rows = self.write_executions(pairs, years)
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL walks the whole execution table by id.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Generadas {options['institutions']} instituciones, {len(pairs)} pares centro-subproducto "
            f"y {rows} filas de ejecución mensual."
        )

    def build_structure(self, options) -> list[tuple[int, int]]:
        """Everything but execution; returns the (cost centre id, subproduct id) pairs that report."""
        count, first = options["institutions"], options["start_year"]
        last = first + options["years"] - 1
        institutions = Institution.objects.bulk_create(
            Institution(
                code=f"SYN{n:04d}", budget_code=f"9{n:03d}-0000-000-000", name=f"Institución sintética {n}"
            )
            for n in range(1, count + 1)
        )
        plans = Plan.objects.bulk_create(
            Plan(
                institution=i, kind=Plan.Kind.POM, name=f"POM {first}-{last}", start_year=first, end_year=last
            )
            for i in institutions
        )
        programs = Program.objects.bulk_create(
            Program(institution=i, code=code, name=name) for i in institutions for code, name in PROGRAMS
        )
        categories = ProgrammaticCategory.objects.bulk_create(
            (
                ProgrammaticCategory(program=program, activity=f"{a:03d}", name=f"Actividad {a}")
                for program in programs
                for a in range(1, options["products"] + 1)
            ),
            batch_size=BATCH,
        )
        categories_of = {}
        for category in categories:
            categories_of.setdefault(category.program.institution_id, []).append(category)
        products = Product.objects.bulk_create(
            (
                Product(
                    plan=plan,
                    category=self.random.choice(categories_of[plan.institution_id]),
                    code=f"P{p:03d}",
                    position=p,
                    name=f"Producto {p}",
                    unit=UNITS[p % 2],
                )
                for plan in plans
                for p in range(1, options["products"] + 1)
            ),
            batch_size=BATCH,
        )
        subproducts = Subproduct.objects.bulk_create(
            (
                Subproduct(
                    product=product,
                    code=f"{product.code}-{s:02d}",
                    position=s,
                    name=f"Subproducto {s} de {product.name}",
                    unit=product.unit if s % 4 else UNITS[(s + 1) % 2],
                )
                for product in products
                for s in range(1, options["subproducts"] + 1)
            ),
            batch_size=BATCH,
        )
        Goal.objects.bulk_create(
            (self.goal(subproduct, year) for subproduct in subproducts for year in range(first, last + 1)),
            batch_size=BATCH,
        )
        programs_of = {}
        for program in programs:
            programs_of.setdefault(program.institution_id, []).append(program)
        BudgetProjection.objects.bulk_create(
            (
                BudgetProjection(
                    plan=plan, program=program, year=year, amount=Decimal(self.random.randint(10**6, 10**8))
                )
                for plan in plans
                for program in programs_of[plan.institution_id]
                for year in range(first, last + 1)
            ),
            batch_size=BATCH,
        )
        IndicatorSheet.objects.bulk_create(
            (
                IndicatorSheet(
                    plan_id=product.plan_id,
                    product=product,
                    position=product.position,
                    code=str(product.position),
                    name=f"Cobertura de {product.name}",
                    category=IndicatorSheet.Category.PRODUCT,
                    frequency=IndicatorSheet.Frequency.ANNUAL,
                    baseline_year=first,
                    baseline_value=Decimal("50.00"),
                )
                for product in products
            ),
            batch_size=BATCH,
        )
        return self.cost_centres(institutions, subproducts, options)

    def goal(self, subproduct: Subproduct, year: int) -> Goal:
        physical = self.random.randint(100, 100_000)
        financial = Decimal(self.random.randint(10_000, 10_000_000))
        return Goal(
            subproduct=subproduct,
            year=year,
            physical_initial=physical,
            physical_current=physical,
            financial_initial=financial,
            financial_current=financial,
            source=Goal.Source.DERIVED,
        )

    def cost_centres(self, institutions, subproducts, options) -> list[tuple[int, int]]:
        centres = CostCentre.objects.bulk_create(
            (
                CostCentre(institution=i, code=f"CC-{c:03d}", name=f"Centro de costo {c} de {i.code}")
                for i in institutions
                for c in range(1, options["cost_centres"] + 1)
            ),
            batch_size=BATCH,
        )
        per_institution = options["products"] * options["subproducts"]
        pairs = []
        for index, centre in enumerate(centres):
            first = (index // options["cost_centres"]) * per_institution
            own = subproducts[first : first + per_institution]
            pairs += [(centre.pk, s.pk) for s in self.random.sample(own, options["subproducts_per_centre"])]
        through = CostCentre.subproducts.through
        through.objects.bulk_create(
            (through(costcentre_id=c, subproduct_id=s) for c, s in pairs), batch_size=BATCH
        )
        return pairs

    def write_executions(self, pairs, years) -> int:
        now = datetime.now(tz=UTC)
        rows = (
            (centre, subproduct, year, month, self.random.randint(0, 5000), self.money(), now)
            for centre, subproduct in pairs
            for year in years
            for month in range(1, 13)
        )
        if connection.vendor == "postgresql":
            return self.copy_executions(rows)
        total = 0
        batch = []
        for centre, subproduct, year, month, physical, financial, updated in rows:
            batch.append(
                Execution(
                    cost_centre_id=centre,
                    subproduct_id=subproduct,
                    year=year,
                    month=month,
                    physical=physical,
                    financial=financial,
                    updated_at=updated,
                )
            )
            if len(batch) == BATCH:
                total += len(Execution.objects.bulk_create(batch))
                batch = []
        return total + len(Execution.objects.bulk_create(batch))

    def copy_executions(self, rows) -> int:
        table = Execution._meta.db_table
        columns = (
            "cost_centre_id, subproduct_id, year, month, physical, financial, updated_at, "
            "notes, is_derived, source_note, version"
        )
        total = 0
        statement = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608 (constant names, no input)
        with transaction.atomic(), connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row((*row, "", False, "", 1))
                total += 1
        return total

    def money(self) -> Decimal:
        return Decimal(self.random.randint(0, 50_000_000)) * CENTS
