"""In a real browser, a planner creates a product and two subproducts through the workspace forms,
enters five years of goals for them in the goals grid, sees the program total flagged against the
budget projection, fixes the typo, and the flag goes away."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from planning.models import BudgetProjection, Goal, Product
from tests.browser import logged_in_page
from tests.factories import CategoryFactory, PlanFactory, ProgramFactory

# Each year's projection for program 11 equals passports + extensions below; 2028 is typed wrong first.
# year: (passports physical, financial), (extensions physical, financial)
GOALS = {
    2026: (("1,200", "100,000.00"), ("800", "50,000.00")),
    2027: (("1,300", "110,000.00"), ("850", "55,000.00")),
    2028: (("1,400", "120,000.00"), ("900", "60,000.00")),
    2029: (("1,500", "130,000.00"), ("950", "65,000.00")),
    2030: (("1,600", "140,000.00"), ("1,000", "70,000.00")),
}
PASSPORTS = {year: passports for year, (passports, _extensions) in GOALS.items()}
EXTENSIONS = {year: extensions for year, (_passports, extensions) in GOALS.items()}
PROJECTION = {2026: "150000.00", 2027: "165000.00", 2028: "180000.00", 2029: "195000.00", 2030: "210000.00"}


def _fill_goals_row(page, subproduct, figures):
    row = page.locator(f"#sub-{subproduct.pk}")
    for year, (physical, financial) in figures.items():
        row.locator(f"input[name=s{subproduct.pk}-physical_{year}]").fill(physical)
        row.locator(f"input[name=s{subproduct.pk}-financial_{year}]").fill(financial)
    page.click("#goals-save")
    page.wait_for_selector(".msg-success")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_creates_product_with_two_subproducts(browser, live_server, small_world):
    """One journey, step after step as people walk it (long: each step starts where the last one left
    the browser)."""
    # The neighbour institution starts its POM 2026-2030 from nothing but program 11's projection.
    neighbour = small_world.neighbour
    plan = PlanFactory(
        institution=neighbour.institution, kind="POM", name="POM 2026-2030", start_year=2026, end_year=2030
    )
    program = ProgramFactory(institution=neighbour.institution, code="11")
    CategoryFactory(program=program, activity="002", name="Emisión")
    for year, amount in PROJECTION.items():
        BudgetProjection.objects.create(plan=plan, program=program, year=year, amount=Decimal(amount))
    peten, flores = small_world.peten.department, small_world.peten.municipality
    page = logged_in_page(browser, live_server, neighbour.planner)

    for link in ("nav.mainnav >> text=Planificación", "text=Institución Vecina", "text=POM 2026-2030"):
        page.click(link)
    page.click("text=Nuevo producto")
    page.fill("#id_code", "P 02")
    page.fill("#id_name", "Emisión de Documentos Migratorios")
    page.select_option("#id_unit", "Documento")
    page.fill("#id_category_code", "11-00-000-002")
    page.check("#id_is_national")
    page.click("button:has-text('Guardar')")
    # The form keeps what was typed and says what is wrong, in Spanish.
    assert (
        page.locator("#field-code .error").inner_text()
        == "Use letras, dígitos, puntos o guiones, sin espacios."
    )
    assert page.input_value("#id_name") == "Emisión de Documentos Migratorios"
    page.fill("#id_code", "P-02")
    page.click("button:has-text('Guardar')")
    page.wait_for_selector("text=Cambios guardados.")
    assert page.locator("h1").inner_text().startswith("Emisión de Documentos Migratorios")

    page.click("text=Nuevo subproducto")
    page.fill("#id_code", "S-1")
    page.fill("#id_name", "Pasaportes emitidos")
    page.check("#id_is_national")
    page.click("button:has-text('Guardar')")
    page.wait_for_selector("text=Cambios guardados.")
    page.click(".crumbs >> text=Emisión de Documentos Migratorios")

    page.click("text=Nuevo subproducto")
    page.fill("#id_code", "S-2")
    page.fill("#id_name", "Prórroga de Documentos Migratorios")
    page.check(f"#id_departments input[value='{peten.pk}']")
    page.select_option("#id_municipalities", str(flores.pk))
    page.click("button:has-text('Guardar')")
    page.wait_for_selector("text=Cambios guardados.")
    assert "Petén" in page.inner_text(".facts")
    page.click(".crumbs >> text=Emisión de Documentos Migratorios")

    rows = page.locator("#subproducts tbody tr")
    expect(rows).to_have_count(2)  # waits for the product page the crumb leads to
    assert "Pasaportes emitidos" in rows.nth(0).inner_text()
    assert "Prórroga de Documentos Migratorios" in rows.nth(1).inner_text()
    product = Product.objects.get(plan=plan, code="P-02")
    assert list(product.subproducts.values_list("code", "unit")) == [
        ("S-1", "Documento"),
        ("S-2", "Documento"),
    ]
    assert [m.name for m in product.subproducts.get(code="S-2").municipalities.all()] == ["Flores"]

    # Five years of goals in the grid, reached from the plan's page.
    page.click(".crumbs >> text=POM 2026-2030")
    page.click("text=Metas multianuales y coherencia")
    page.wait_for_selector("#goals-grid")
    passports, extensions = product.subproducts.order_by("code")
    _fill_goals_row(page, passports, PASSPORTS)
    _fill_goals_row(page, extensions, {**EXTENSIONS, 2028: ("900", "6,000.00")})  # typo: 6,000 for 60,000

    program_row = page.locator(f"#program-{program.pk}")
    flagged = program_row.locator("td.flagged")
    assert flagged.count() == 1
    assert "proyección Q 180,000.00; calculado Q 126,000.00" in flagged.inner_text()
    assert page.locator("#findings-count").inner_text().startswith("1 inconsistencia")
    assert "2,300" in page.locator(f"#product-{product.pk}").inner_text()  # 1,400 + 900 documents in 2028

    _fill_goals_row(page, extensions, {2028: ("900", "60,000.00")})

    assert page.locator("#goals-grid td.flagged, #programs-grid td.flagged").count() == 0
    assert page.locator("#findings-count").inner_text().startswith("Sin inconsistencias")
    assert Goal.objects.filter(subproduct__product=product).count() == 10
    assert Goal.objects.get(subproduct=extensions, year=2028).financial_current == Decimal("60000.00")
