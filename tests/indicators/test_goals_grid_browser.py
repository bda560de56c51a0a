"""A planner enters five years of goals for a product's two subproducts in a real browser, sees the
program total flagged against the budget projection, fixes the typo and the flag goes away."""

from decimal import Decimal

import pytest

from budget.models import BudgetProjection
from planning.models import Goal, Plan
from tests.factories import (
    TEST_PASSWORD,
    CategoryFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    ProgramFactory,
    SubproductFactory,
    UserFactory,
)

YEARS = range(2026, 2031)
# Each year's projection equals shelters + returnees below; 2028 is typed wrong first.
SHELTERS = {
    2026: ("1,200", "100,000.00"),
    2027: ("1,300", "110,000.00"),
    2028: ("1,400", "120,000.00"),
    2029: ("1,500", "130,000.00"),
    2030: ("1,600", "140,000.00"),
}
RETURNEES = {
    2026: ("800", "50,000.00"),
    2027: ("850", "55,000.00"),
    2028: ("900", "60,000.00"),
    2029: ("950", "65,000.00"),
    2030: ("1,000", "70,000.00"),
}
PROJECTION = {2026: "150000.00", 2027: "165000.00", 2028: "180000.00", 2029: "195000.00", 2030: "210000.00"}


def _fill_row(page, subproduct, figures):
    row = page.locator(f"#sub-{subproduct.pk}")
    for year, (physical, financial) in figures.items():
        row.locator(f"input[name=physical_{year}]").fill(physical)
        row.locator(f"input[name=financial_{year}]").fill(financial)
    row.get_by_role("button", name="Guardar").click()
    page.wait_for_selector(".msg-success")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_planner_enters_five_years_sees_the_mismatch_and_fixes_it(live_server, page):
    institution = InstitutionFactory(code="IGT", budget_code="1120-0088-000-000")
    planner = UserFactory(username="planificadora", institution=institution)
    plan = PlanFactory(institution=institution, kind=Plan.Kind.POM, start_year=2026, end_year=2030)
    program = ProgramFactory(institution=institution, code="11", name="Derecho Migratorio")
    product = ProductFactory(
        plan=plan,
        name="Asistencia y Protección a las Personas Migrantes",
        unit="Persona",
        category=CategoryFactory(program=program, activity="001"),
    )
    shelters = SubproductFactory(product=product, name="Migrantes atendidos en albergues", unit="Persona")
    returnees = SubproductFactory(product=product, name="Migrantes retornados atendidos", unit="Persona")
    for year, amount in PROJECTION.items():
        BudgetProjection.objects.create(plan=plan, program=program, year=year, amount=Decimal(amount))

    page.goto(f"{live_server.url}/cuenta/ingresar/?next=/indicadores/planes/{plan.pk}/metas/")
    page.fill("#id_username", planner.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#goals-grid")

    _fill_row(page, shelters, SHELTERS)
    _fill_row(page, returnees, {**RETURNEES, 2028: ("900", "6,000.00")})  # typo: 6,000 for 60,000

    program_row = page.locator(f"#program-{program.pk}")
    flagged = program_row.locator("td.flagged")
    assert flagged.count() == 1
    assert "proyección Q 180,000.00; calculado Q 126,000.00" in flagged.inner_text()
    assert page.locator("#findings-count").inner_text().startswith("1 inconsistencia")
    product_row = page.locator(f"#product-{product.pk}")
    assert "2,300" in product_row.inner_text()  # 1,400 + 900 people in 2028, both in the product's unit

    _fill_row(page, returnees, {2028: ("900", "60,000.00")})

    assert program_row.locator("td.flagged").count() == 0
    assert page.locator("#goals-grid td.flagged, #programs-grid td.flagged").count() == 0
    assert page.locator("#findings-count").inner_text().startswith("Sin inconsistencias")
    assert Goal.objects.filter(subproduct__product=product).count() == 10
    assert Goal.objects.get(subproduct=returnees, year=2028).financial_current == Decimal("60000.00")
