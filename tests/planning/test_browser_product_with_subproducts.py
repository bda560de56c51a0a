"""In a real browser, a planner creates a product and two subproducts through the workspace forms."""

import pytest

from planning.models import Product
from tests.factories import CategoryFactory, PlanFactory, ProgramFactory
from tests.planning.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_creates_product_with_two_subproducts(browser, live_server, planner, institution, geography):
    plan = PlanFactory(
        institution=institution, kind="POM", name="POM 2026-2030", start_year=2026, end_year=2030
    )
    CategoryFactory(
        program=ProgramFactory(institution=institution, code="11"), activity="002", name="Emisión"
    )
    page = log_in(browser, live_server, planner)

    page.click("nav.mainnav >> text=Planificación")
    page.click("text=Instituto de Prueba")
    page.click("text=POM 2026-2030")
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
    page.check(f"#id_departments input[value='{geography['peten'].pk}']")
    page.select_option("#id_municipalities", str(geography["flores"].pk))
    page.click("button:has-text('Guardar')")
    page.wait_for_selector("text=Cambios guardados.")
    assert "Petén" in page.inner_text(".facts")
    page.click(".crumbs >> text=Emisión de Documentos Migratorios")

    rows = page.locator("table tbody tr")
    assert rows.count() == 2
    assert "Pasaportes emitidos" in rows.nth(0).inner_text()
    assert "Prórroga de Documentos Migratorios" in rows.nth(1).inner_text()
    product = Product.objects.get(plan=plan, code="P-02")
    assert list(product.subproducts.values_list("code", "unit")) == [
        ("S-1", "Documento"),
        ("S-2", "Documento"),
    ]
    assert [m.name for m in product.subproducts.get(code="S-2").municipalities.all()] == ["Flores"]
