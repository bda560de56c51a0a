"""Synthetic execution data for the benchmark: a plan, cost centres and a large execution file.

The institution is as large as ten IGMs (250 cost centres, 400 subproducts); each cost centre
produces 40 subproducts, so ten months make 100,000 rows. Figures come from a seeded generator.
"""

from __future__ import annotations

import random
from decimal import Decimal

from openpyxl import Workbook

from accounts.models import Role, User
from budget.execution_files import IMPORT_COLUMNS
from budget.models import CostCentre
from planning.models import Institution, Plan, Product, Program, ProgrammaticCategory, Subproduct

YEAR = 2025
PRODUCTS = 40
SUBPRODUCTS_PER_PRODUCT = 10
COST_CENTRES = 250
PRODUCED_PER_CENTRE = 40


def build_world(seed: int = 2025) -> tuple[Institution, User, dict[str, list[str]]]:
    """Create the institution, its plan, subproducts and cost centres; returns what each centre produces."""
    rng = random.Random(seed)
    institution = Institution.objects.create(
        code="SINT", budget_code="1120-9999-000-000", name="Institución sintética"
    )
    plan = Plan.objects.create(
        institution=institution, kind=Plan.Kind.POA, name=f"POA {YEAR}", start_year=YEAR, end_year=YEAR
    )
    program = Program.objects.create(institution=institution, code="11", name="Programa sintético")
    subproducts = []
    for p in range(PRODUCTS):
        category = ProgrammaticCategory.objects.create(
            program=program, activity=f"{p + 1:03d}", name=f"Actividad {p}"
        )
        product = Product.objects.create(
            plan=plan, category=category, code=f"P{p:03d}", position=p, name=f"Producto {p}", unit="Persona"
        )
        subproducts += Subproduct.objects.bulk_create(
            Subproduct(
                product=product,
                code=f"P{p:03d}-S{s:02d}",
                position=s,
                name=f"Subproducto {p}-{s}",
                unit="Persona",
            )
            for s in range(SUBPRODUCTS_PER_PRODUCT)
        )
    centres = CostCentre.objects.bulk_create(
        CostCentre(institution=institution, code=f"CC-{c:04d}", name=f"Centro de costo {c}")
        for c in range(COST_CENTRES)
    )
    produced: dict[str, list[str]] = {}
    through = CostCentre.subproducts.through
    links = []
    for centre in centres:
        chosen = rng.sample(subproducts, PRODUCED_PER_CENTRE)
        produced[centre.code] = [subproduct.code for subproduct in chosen]
        links += [through(costcentre_id=centre.id, subproduct_id=subproduct.id) for subproduct in chosen]
    through.objects.bulk_create(links)
    user = User.objects.create(username="bench-planner", role=Role.PLANNER, institution=institution)
    return institution, user, produced


def execution_rows(produced: dict[str, list[str]], months, seed: int = 7):
    rng = random.Random(seed)
    for month in months:
        for centre, codes in produced.items():
            for code in codes:
                yield (
                    centre,
                    code,
                    YEAR,
                    month,
                    rng.randint(0, 5000),
                    Decimal(rng.randint(0, 10_000_000)) / 100,
                    "",
                )


def write_xlsx(path, rows) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ejecución")
    sheet.append(list(IMPORT_COLUMNS))
    for row in rows:
        sheet.append([value if value != "" else None for value in row])
    workbook.save(path)
