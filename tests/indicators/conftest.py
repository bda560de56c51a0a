"""A small multiannual plan built with factories, shared by the goals grid and matrices tests."""

from decimal import Decimal

import pytest

from budget.models import BudgetProjection
from planning.models import DeclaredTotal, Goal, Plan
from tests.factories import (
    CategoryFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    ProgramFactory,
    ResultFactory,
    SubproductFactory,
)


@pytest.fixture
def small_pom(db) -> Plan:
    """POM 2026-2028: two programs, a result with a product of two subproducts (one in another
    unit), a product «Sin Resultado» that declares a goal of its own, projections and totals."""
    institution = InstitutionFactory(code="IGX", name="Instituto de prueba", budget_code="1120-0099-000-000")
    plan = PlanFactory(
        institution=institution, kind=Plan.Kind.POM, start_year=2026, end_year=2028, name="POM 2026-2028"
    )
    program_11 = ProgramFactory(institution=institution, code="11", name="Derecho Migratorio")
    program_99 = ProgramFactory(institution=institution, code="99", name="Partidas no Asignables a Programas")
    result = ResultFactory(plan=plan, code="R1", description="=Resultado que empieza con igual")
    documents = ProductFactory(
        plan=plan,
        result=result,
        code="P1",
        name="Emisión de Documentos Migratorios",
        unit="Documento",
        pgg_major_contribution=True,
        category=CategoryFactory(
            program=program_11, activity="002", name="Emisión de Documentos Migratorios"
        ),
    )
    issue = SubproductFactory(product=documents, code="S1", name="Emisión", unit="Documento")
    extension = SubproductFactory(product=documents, code="S2", name="Prórroga", unit="Documento")
    people = SubproductFactory(product=documents, code="S3", name="Personas atendidas", unit="Persona")
    contributions = ProductFactory(
        plan=plan,
        result=None,
        code="P2",
        name="Aportes a instituciones",
        unit="Documento",
        category=CategoryFactory(program=program_99, activity="001", name="Aportes"),
    )
    SubproductFactory(product=contributions, code="S4", name="Aportes a instituciones", unit="Documento")
    for offset, year in enumerate(plan.years):
        GoalFactory(
            subproduct=issue, year=year, physical_initial=1000 + offset, financial_initial=Decimal("500.50")
        )
        GoalFactory(subproduct=extension, year=year, physical_initial=200, financial_initial=Decimal("99.25"))
        if year < 2028:
            GoalFactory(subproduct=people, year=year, physical_initial=7, financial_initial=Decimal("10.00"))
        Goal.objects.create(
            product=contributions,
            year=year,
            physical_initial=23,
            physical_current=23,
            financial_initial=Decimal("82260000.00"),
            financial_current=Decimal("82260000.00"),
            source=Goal.Source.DOCUMENT,
        )
        BudgetProjection.objects.create(plan=plan, program=program_11, year=year, amount=Decimal("609.75"))
        BudgetProjection.objects.create(
            plan=plan, program=program_99, year=year, amount=Decimal("82260000.00")
        )
    DeclaredTotal.objects.create(
        plan=plan, matrix=DeclaredTotal.Matrix.BUDGET_PROJECTION, year=2026, amount=Decimal("82260609.75")
    )
    DeclaredTotal.objects.create(
        plan=plan, matrix=DeclaredTotal.Matrix.GOALS, year=2026, amount=Decimal("4.00")
    )
    return plan
