"""Test data for the API: two institutions with a little of everything, and token clients."""

from dataclasses import dataclass
from decimal import Decimal

from rest_framework.test import APIClient

from accounts.services import api_token_create
from indicators.models import IndicatorSheet, IndicatorSheetValue
from planning.models import BudgetProjection, Reprogramming, ResultTarget
from tests.factories import (
    CostCentreFactory,
    ExecutionFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    ResultFactory,
    SubproductFactory,
)


@dataclass
class InstitutionData:
    institution: object
    plan: object
    result: object
    product: object
    subproducts: list
    goals: list
    cost_centre: object
    executions: list


def build_institution(code: str, *, program: str = "11") -> InstitutionData:
    # Budget codes outside the factory's sequence, which reaches IGM's 1120-0069-000-000.
    institution = InstitutionFactory(code=code, budget_code=f"9{sum(map(ord, code)):03d}-0000-000-000")
    plan = PlanFactory(institution=institution, start_year=2024, end_year=2024)
    result = ResultFactory(plan=plan)
    ResultTarget.objects.create(result=result, year=2024, value=Decimal("1500.00"))
    product = ProductFactory(plan=plan, result=result, unit="Persona", category__program__code=program)
    people = SubproductFactory(product=product, unit="Persona")
    documents = SubproductFactory(product=product, unit="Documento")
    goals = [GoalFactory(subproduct=people), GoalFactory(subproduct=documents)]
    Reprogramming.objects.create(
        goal=goals[0],
        measure="physical",
        old_value=Decimal("1200"),
        new_value=Decimal("1300"),
        effective_date="2024-06-01",
        justification="Ajuste de demanda",
        status=Reprogramming.Status.APPROVED,
    )
    BudgetProjection.objects.create(
        plan=plan, program=product.category.program, year=2024, amount=Decimal("5.00")
    )
    sheet = IndicatorSheet.objects.create(
        plan=plan,
        product=product,
        code="1",
        name="Cobertura",
        category="PRODUCTO",
        frequency="Anual",
        baseline_year=2021,
        baseline_value=Decimal("10.00"),
    )
    IndicatorSheetValue.objects.create(sheet=sheet, year=2024, value=Decimal("12.50"))
    cost_centre = CostCentreFactory(institution=institution)
    cost_centre.subproducts.set([people, documents])
    executions = [
        ExecutionFactory(
            cost_centre=cost_centre,
            subproduct=subproduct,
            month=month,
            physical=10 * month,
            financial=Decimal("100.25") * month,
        )
        for subproduct in (people, documents)
        for month in (1, 5, 9)
    ]
    return InstitutionData(
        institution, plan, result, product, [people, documents], goals, cost_centre, executions
    )


def token_client(scope: str, client_name: str = "SEGEPLAN") -> APIClient:
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {api_token_create(client_name=client_name, scope=scope).key}"
    )
    return client


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]
