"""Synthetic institutions of any number and size: the one builder of ``generate_synthetic``, the tests
and the benchmarks.

Each institution has a plan covering the years (a POA for one year, a POM for several) with one
institutional result, products in the programmatic categories of three programs, their subproducts,
a goal per subproduct and year, a budget projection per program and year, an indicator sheet per
product, and cost centres that each report a sample of the institution's subproducts every month of
every year. Figures come from a seeded generator, so the same arguments give the same data.

Everything is written in large batches (``bulk_create``; ``COPY`` for execution on PostgreSQL), so
several million execution rows take minutes. Institutions are coded ``<code>0001``… with budget codes
``9xxx-…``, which no real institution has.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.db import connection, transaction

from budget.models import CostCentre, Execution
from common.figures import CENT
from indicators.models import IndicatorSheet
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    Subproduct,
)

PROGRAMS = (("01", "Actividades Centrales"), ("11", "Programa sustantivo A"), ("12", "Programa sustantivo B"))
UNITS = ("Persona", "Documento")
BATCH = 5000
MAX_INSTITUTIONS = 999  # the budget codes 9001…9999


@dataclass
class SyntheticData:
    institutions: list[Institution]
    # (cost centre, subproduct) of the same institution: the pairs whose execution is reported.
    production: list[tuple[CostCentre, Subproduct]]
    executions: int  # execution rows written


def synthetic_build(
    *,
    institutions: int = 1,
    code: str = "SYN",
    start_year: int = 2024,
    years: int = 1,
    products: int = 10,
    subproducts: int = 5,
    cost_centres: int = 1,
    subproducts_per_centre: int | None = None,
    execution: bool = True,
    seed: int = 2024,
) -> SyntheticData:
    """Build ``institutions`` synthetic institutions with ``products`` products of ``subproducts``
    subproducts each, and ``cost_centres`` cost centres each producing ``subproducts_per_centre`` of
    them (all when None), with monthly execution for every year unless ``execution`` is False.

    Raises ``ValueError`` with the reason when the shape is impossible or institutions coded
    ``<code>…`` already exist.
    """
    if not 1 <= institutions <= MAX_INSTITUTIONS or years < 1:
        raise ValueError(f"Se necesita al menos una institución (como máximo {MAX_INSTITUTIONS}) y un año.")
    if min(products, subproducts, cost_centres) < 1:
        raise ValueError("Se necesita al menos un producto, un subproducto y un centro de costo.")
    per_institution = products * subproducts
    if subproducts_per_centre is None:
        subproducts_per_centre = per_institution
    if subproducts_per_centre > per_institution:
        raise ValueError("Un centro de costo no puede reportar más subproductos que los de su institución.")
    if Institution.objects.filter(code__startswith=code).exists():
        raise ValueError(f"Ya hay datos sintéticos (instituciones {code}…); use una base de datos vacía.")
    builder = _Builder(
        rng=random.Random(seed),
        first_year=start_year,
        last_year=start_year + years - 1,
        products=products,
        subproducts=subproducts,
        cost_centres=cost_centres,
        subproducts_per_centre=subproducts_per_centre,
    )
    with transaction.atomic():
        built, production = builder.structure(institutions, code)
    rows = 0
    if execution:
        rows = _write_executions(
            synthetic_execution_rows(production, years=range(start_year, start_year + years), seed=seed)
        )
    return SyntheticData(institutions=built, production=production, executions=rows)


def synthetic_execution_rows(
    production: Iterable[tuple[CostCentre, Subproduct]],
    *,
    years: Iterable[int],
    months: Iterable[int] = range(1, 13),
    seed: int = 2024,
) -> Iterator[tuple[CostCentre, Subproduct, int, int, int, Decimal]]:
    """(cost centre, subproduct, year, month, physical, financial) for each pair, year and month:
    0–5,000 units and Q0.00–Q500,000.00 from a seeded generator."""
    rng = random.Random(seed)
    years, months = list(years), list(months)
    for centre, subproduct in production:
        for year in years:
            for month in months:
                yield centre, subproduct, year, month, rng.randint(0, 5000), rng.randint(0, 50_000_000) * CENT


@dataclass
class _Builder:
    rng: random.Random
    first_year: int
    last_year: int
    products: int
    subproducts: int
    cost_centres: int
    subproducts_per_centre: int

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def structure(
        self, count: int, code: str
    ) -> tuple[list[Institution], list[tuple[CostCentre, Subproduct]]]:
        """Everything but execution; returns the institutions and the (cost centre, subproduct) pairs
        that report."""
        institutions = self.institutions(count, code)
        plans = self.plans(institutions)
        programs = Program.objects.bulk_create(
            Program(institution=i, code=number, name=name) for i in institutions for number, name in PROGRAMS
        )
        products = self.products_of(plans, programs)
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
                for s in range(1, self.subproducts + 1)
            ),
            batch_size=BATCH,
        )
        Goal.objects.bulk_create(
            (self.goal(subproduct, year) for subproduct in subproducts for year in self.years),
            batch_size=BATCH,
        )
        self.budget_projection(plans, programs)
        self.indicator_sheets(products)
        return institutions, self.production(institutions, subproducts)

    def institutions(self, count: int, code: str) -> list[Institution]:
        # Budget codes go on from the institutions already there, so a second build never repeats one.
        existing = Institution.objects.count()
        return Institution.objects.bulk_create(
            Institution(
                code=f"{code}{n:04d}",
                budget_code=f"9{n:03d}-{existing:04d}-000-000",
                name=f"Institución sintética {code}{n:04d}",
                head_name="Lic. Persona Sintética",
                head_title="Director General",
            )
            for n in range(1, count + 1)
        )

    def plans(self, institutions) -> list[Plan]:
        first, last = self.first_year, self.last_year
        kind = Plan.Kind.POA if first == last else Plan.Kind.POM
        return Plan.objects.bulk_create(
            Plan(
                institution=i,
                kind=kind,
                name=f"{kind} {first}" if first == last else f"{kind} {first}-{last}",
                start_year=first,
                end_year=last,
            )
            for i in institutions
        )

    def products_of(self, plans, programs) -> list[Product]:
        """Each plan's products, each in a category of its institution's programs; the odd ones serve
        the plan's one institutional result, the even ones none."""
        results = Result.objects.bulk_create(
            Result(
                plan=plan,
                code="R1",
                description="Resultado sintético",
                unit="Persona",
                baseline_year=self.first_year - 1,
                baseline_value=Decimal("1.00"),
            )
            for plan in plans
        )
        categories = ProgrammaticCategory.objects.bulk_create(
            (
                ProgrammaticCategory(program=program, activity=f"{a:03d}", name=f"Actividad {a}")
                for program in programs
                for a in range(1, self.products + 1)
            ),
            batch_size=BATCH,
        )
        categories_of = {}
        for category in categories:
            categories_of.setdefault(category.program.institution_id, []).append(category)
        return Product.objects.bulk_create(
            (
                Product(
                    plan=plan,
                    result=result if p % 2 else None,
                    category=self.rng.choice(categories_of[plan.institution_id]),
                    code=f"P{p:03d}",
                    position=p,
                    name=f"Producto {p}",
                    unit=UNITS[p % 2],
                )
                for plan, result in zip(plans, results, strict=True)
                for p in range(1, self.products + 1)
            ),
            batch_size=BATCH,
        )

    def goal(self, subproduct: Subproduct, year: int) -> Goal:
        physical = self.rng.randint(100, 100_000)
        financial = Decimal(self.rng.randint(10_000, 10_000_000))
        return Goal(
            subproduct=subproduct,
            year=year,
            physical_initial=physical,
            physical_current=physical,
            financial_initial=financial,
            financial_current=financial,
            source=Goal.Source.DERIVED,
        )

    def budget_projection(self, plans, programs) -> None:
        programs_of = {}
        for program in programs:
            programs_of.setdefault(program.institution_id, []).append(program)
        BudgetProjection.objects.bulk_create(
            (
                BudgetProjection(
                    plan=plan, program=program, year=year, amount=Decimal(self.rng.randint(10**6, 10**8))
                )
                for plan in plans
                for program in programs_of[plan.institution_id]
                for year in self.years
            ),
            batch_size=BATCH,
        )

    def indicator_sheets(self, products) -> None:
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
                    baseline_year=self.first_year,
                    baseline_value=Decimal("50.00"),
                )
                for product in products
            ),
            batch_size=BATCH,
        )

    def production(self, institutions, subproducts) -> list[tuple[CostCentre, Subproduct]]:
        """The cost centres, each linked to a sample of its institution's subproducts."""
        centres = CostCentre.objects.bulk_create(
            (
                CostCentre(institution=i, code=f"CC-{c:03d}", name=f"Centro de costo {c} de {i.code}")
                for i in institutions
                for c in range(1, self.cost_centres + 1)
            ),
            batch_size=BATCH,
        )
        per_institution = self.products * self.subproducts
        pairs = []
        for index, centre in enumerate(centres):
            first = (index // self.cost_centres) * per_institution
            own = subproducts[first : first + per_institution]
            pairs += [(centre, s) for s in self.rng.sample(own, self.subproducts_per_centre)]
        through = CostCentre.subproducts.through
        through.objects.bulk_create(
            (through(costcentre_id=c.pk, subproduct_id=s.pk) for c, s in pairs), batch_size=BATCH
        )
        return pairs


def _write_executions(rows) -> int:
    now = datetime.now(tz=UTC)
    if connection.vendor == "postgresql":
        return _copy_executions(rows, now)
    total = 0
    batch = []
    for centre, subproduct, year, month, physical, financial in rows:
        batch.append(
            Execution(
                cost_centre_id=centre.pk,
                subproduct_id=subproduct.pk,
                year=year,
                month=month,
                physical=physical,
                financial=financial,
                updated_at=now,
            )
        )
        if len(batch) == BATCH:
            total += len(Execution.objects.bulk_create(batch))
            batch = []
    return total + len(Execution.objects.bulk_create(batch))


def _copy_executions(rows, now: datetime) -> int:
    table = Execution._meta.db_table
    columns = (
        "cost_centre_id, subproduct_id, year, month, physical, financial, updated_at, "
        "notes, is_derived, source_note, version"
    )
    total = 0
    statement = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608 (constant names, no input)
    with transaction.atomic(), connection.cursor() as cursor, cursor.copy(statement) as copy:
        for centre, subproduct, year, month, physical, financial in rows:
            copy.write_row(
                (centre.pk, subproduct.pk, year, month, physical, financial, now, "", False, "", 1)
            )
            total += 1
    return total
