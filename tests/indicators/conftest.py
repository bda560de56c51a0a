"""Fixtures of the indicators tests: a small institution with a 2024 annual plan, its execution and
a POM 2026-2030 whose indicator sheet measures the product of the same name; and a small POM 2026-2028
for the goals grid and the matrices."""

from decimal import Decimal

import pytest

from accounts.models import Role
from indicators.models import IndicatorSheet, IndicatorSheetValue
from planning.models import BudgetProjection, DeclaredTotal, Goal, Plan
from tests.factories import (
    CategoryFactory,
    CostCentreFactory,
    ExecutionFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    ProgramFactory,
    ResultFactory,
    SubproductFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def small(db):
    institution = InstitutionFactory(code="INS", name="Instituto de Prueba")
    poa = PlanFactory(institution=institution, kind=Plan.Kind.POA, start_year=2024, name="POA 2024")
    pom = PlanFactory(
        institution=institution, kind=Plan.Kind.POM, start_year=2026, end_year=2030, name="POM 2026-2030"
    )
    product = ProductFactory(
        plan=poa, name="Asistencia y Protección a las Personas Migrantes", unit="Persona"
    )
    people = SubproductFactory(product=product, name="Migrantes atendidos en albergues", unit="Persona")
    reports = SubproductFactory(product=product, name="Informes de seguimiento", unit="Documento")
    GoalFactory(subproduct=people, physical_initial=1000, financial_initial=Decimal("12000.00"))
    GoalFactory(subproduct=reports, physical_initial=12, financial_initial=Decimal("1200.00"))
    north = CostCentreFactory(institution=institution, code="CC-N", name="Delegación Norte")
    south = CostCentreFactory(institution=institution, code="CC-S", name="Delegación Sur")
    north.subproducts.add(people, reports)
    south.subproducts.add(people)
    for month in range(1, 13):
        ExecutionFactory(
            cost_centre=north, subproduct=people, month=month, physical=40, financial=Decimal("500.00")
        )
        ExecutionFactory(
            cost_centre=south, subproduct=people, month=month, physical=30, financial=Decimal("300.00")
        )
        ExecutionFactory(
            cost_centre=north, subproduct=reports, month=month, physical=1, financial=Decimal("100.00")
        )
    pom_product = ProductFactory(
        plan=pom, name="Asistencia y protección a las personas migrantes", unit="Persona"
    )
    sheet = IndicatorSheet.objects.create(
        plan=pom,
        product=pom_product,
        position=1,
        code="1",
        name="Porcentaje de asistencia y protección de migrantes",
        category=IndicatorSheet.Category.PRODUCT,
        frequency=IndicatorSheet.Frequency.ANNUAL,
        baseline_year=2023,
        baseline_value=Decimal("83.77"),
        report_code="DTP5",
        report_date="Abril-2025",
    )
    IndicatorSheetValue.objects.create(sheet=sheet, year=2026, value=Decimal("100.00"))
    users = {
        role: UserFactory(username=f"u-{role}", role=role, institution=institution)
        for role in (Role.PLANNER, Role.DIRECTOR, Role.AUDITOR, Role.OFFICER)
    }
    north.officers.add(users[Role.OFFICER])
    return {
        "institution": institution,
        "poa": poa,
        "pom": pom,
        "product": product,
        "people": people,
        "reports": reports,
        "north": north,
        "south": south,
        "sheet": sheet,
        "users": users,
    }


@pytest.fixture
def igm_user(igm):
    """IGM's demo account of a role, as load_igm creates it."""
    from accounts.models import User

    return lambda role: User.objects.filter(institution=igm, role=role).order_by("username").first()


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
