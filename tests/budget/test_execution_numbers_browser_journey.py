"""In Debian's chromium: an officer types ``Q 1,234.50`` in the entry grid and uploads a workbook with
``Q 1,234.50`` as text and a formula whose value the workbook computed; both are taken. A formula
without its value is refused on the upload page, which names its cell."""

from decimal import Decimal

import pytest

from budget.models import Execution
from tests.browser import logged_in_page
from tests.common.workbooks import with_computed_values
from tests.execution_files import xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media")]


def _figures(small_world, month: int) -> dict:
    rows = Execution.objects.filter(cost_centre=small_world.central, year=2024, month=month)
    return {
        code: (physical, financial)
        for code, physical, financial in rows.values_list("subproduct__code", "physical", "financial")
    }


def test_figures_written_as_pages_write_them_are_taken_in_the_grid_and_in_an_upload(
    small_world, live_server, browser, tmp_path
):
    page = logged_in_page(browser, live_server, small_world.officer)
    page.goto(f"{live_server.url}/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/")
    page.fill("input[name=physical_1]", "1,500")
    page.fill("input[name=financial_1]", "Q 1,234.50")
    page.fill("input[name=physical_2]", "40")
    page.fill("input[name=financial_2]", "24,387,429.25")
    page.click("text=Guardar")
    page.wait_for_selector("text=Ejecución guardada: 2 filas nuevas, 0 modificadas, 0 sin cambios.")
    assert _figures(small_world, 3) == {
        "S01": (1500, Decimal("1234.50")),
        "S02": (40, Decimal("24387429.25")),
    }

    content = xlsx_bytes(
        [
            ("CC-01", "S01", 2024, 4, "96,412", "Q 1,234.50", ""),
            ("CC-01", "S02", 2024, 4, "=SUM(20,20)", 4800, ""),
        ]
    )
    path = tmp_path / "abril.xlsx"
    path.write_bytes(with_computed_values(content, {"E3": "40"}))
    page.goto(f"{live_server.url}/ejecucion/centro/{small_world.central.pk}/2024/4/")
    page.set_input_files("input[name=file]", str(path))
    page.click("text=Subir y revisar")
    page.wait_for_selector("#vista-previa")
    page.click("text=Confirmar y guardar")
    page.wait_for_selector("text=Carga aplicada: 2 filas nuevas, 0 modificadas, 0 sin cambios.")
    assert _figures(small_world, 4) == {"S01": (96412, Decimal("1234.50")), "S02": (40, Decimal("4800.00"))}


def test_a_formula_without_its_value_is_refused_naming_its_cell(small_world, live_server, browser, tmp_path):
    page = logged_in_page(browser, live_server, small_world.officer)
    path = tmp_path / "mayo.xlsx"
    path.write_bytes(
        xlsx_bytes(
            [("CC-01", "S01", 2024, 5, "=SUM(20,20)", 10, ""), ("CC-01", "S02", 2024, 5, 3, "1.234,50", "")]
        )
    )
    page.goto(f"{live_server.url}/ejecucion/centro/{small_world.central.pk}/2024/5/")
    page.set_input_files("input[name=file]", str(path))
    page.click("text=Subir y revisar")
    page.wait_for_selector("#errores")
    table = page.inner_text("#errores")
    assert "E2\tejecucion_fisica\tla celda contiene la fórmula «=SUM(20,20)» sin su valor calculado" in table
    assert "F3\tejecucion_financiera\t«1.234,50» usa punto para los miles y coma para los decimales" in table
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(tmp_path / f"carga-rechazada-{width}.png"), full_page=True)
    assert not Execution.objects.filter(cost_centre=small_world.central, month=5).exists()
