"""A synthetic institution of any size for the worker-kill test and the benchmark (bulk inserts)."""

from decimal import Decimal

from budget.models import CostCentre, Execution
from planning.models import (
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    Subproduct,
)


def synthetic_institution(*, code="SINT", subproducts=500, per_product=10, year=2024) -> Institution:
    institution = Institution.objects.create(
        code=code,
        budget_code=f"1120-{9000 + Institution.objects.count():04d}-000-000",
        name=f"Institución sintética {code}",
        head_name="Lic. Persona Sintética",
        head_title="Director General",
    )
    plan = Plan.objects.create(
        institution=institution, kind=Plan.Kind.POA, name=f"POA {year}", start_year=year, end_year=year
    )
    result = Result.objects.create(
        plan=plan,
        code="R1",
        description="Resultado sintético",
        unit="Persona",
        baseline_year=2021,
        baseline_value=Decimal("1.00"),
    )
    program = Program.objects.create(institution=institution, code="11", name="Programa sintético")
    category = ProgrammaticCategory.objects.create(program=program, activity="001", name="Actividad")
    products = Product.objects.bulk_create(
        Product(
            plan=plan,
            result=result if n % 2 else None,
            category=category,
            code=f"P{n:04d}",
            position=n,
            name=f"Producto sintético {n:04d}",
            unit="Persona",
        )
        for n in range(subproducts // per_product)
    )
    subs = Subproduct.objects.bulk_create(
        Subproduct(
            product=product,
            code=f"S{p:04d}-{n:02d}",
            position=n,
            name=f"Subproducto {p:04d}-{n:02d}",
            unit="Persona",
        )
        for p, product in enumerate(products)
        for n in range(per_product)
    )
    Goal.objects.bulk_create(
        Goal(
            subproduct=sub,
            year=year,
            physical_initial=1200,
            physical_current=1200,
            financial_initial=Decimal("120000.00"),
            financial_current=Decimal("120000.00"),
        )
        for sub in subs
    )
    centre = CostCentre.objects.create(institution=institution, code="CC-01", name="Sede central")
    centre.subproducts.set(subs)
    Execution.objects.bulk_create(
        Execution(
            cost_centre=centre,
            subproduct=sub,
            year=year,
            month=month,
            physical=90 + index % 40,
            financial=Decimal("9876.54"),
        )
        for index, sub in enumerate(subs)
        for month in range(1, 13)
    )
    return institution
