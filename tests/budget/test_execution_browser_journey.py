"""An officer logs in, downloads the template, uploads it filled, previews, confirms, and then
sees a locked period refuse a change — in Debian's chromium."""

import pytest
from openpyxl import load_workbook

from budget.models import Execution
from tests.browser import log_in
from tests.execution_files import COLUMNS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_uploads_the_filled_template_and_a_locked_period_refuses_a_change(
    small_world, live_server, page, tmp_path
):
    log_in(page, live_server, small_world.officer)
    page.goto(f"{live_server.url}/ejecucion/?anio=2024")
    page.click(f"a[href='/ejecucion/centro/{small_world.central.pk}/2024/3/']")
    page.wait_for_selector("text=Oficinas centrales · Marzo 2024")

    with page.expect_download() as download:
        page.click("text=Descargar plantilla (XLSX)")
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    workbook = load_workbook(template)
    sheet = workbook["Ejecución"]
    assert tuple(cell.value for cell in sheet[1])[:7] == COLUMNS
    assert [(row[0].value, row[1].value, row[10].value) for row in sheet.iter_rows(min_row=2)] == [
        ("CC-01", "S01", 12000),
        ("CC-01", "S02", 800),
    ]
    for row, (physical, financial) in zip(
        sheet.iter_rows(min_row=2), [(950, 118500.5), (40, 4800)], strict=True
    ):
        row[4].value, row[5].value = physical, financial
    workbook.save(template)

    page.set_input_files("input[name=file]", str(template))
    page.click("text=Subir y revisar")
    page.wait_for_selector("#vista-previa")
    assert "Vista previa: esto se hará al confirmar" in page.inner_text("#vista-previa")
    assert Execution.objects.filter(cost_centre=small_world.central).count() == 0
    page.click("text=Confirmar y guardar")
    page.wait_for_selector("text=Carga aplicada: 2 filas nuevas, 0 modificadas, 0 sin cambios.")
    assert sorted(
        Execution.objects.filter(cost_centre=small_world.central).values_list("physical", flat=True)
    ) == [
        40,
        950,
    ]

    lock = small_world.lock_period()
    page.goto(f"{live_server.url}/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/")
    refusal = (
        f"El cuatrimestre ene–abr 2024 fue bloqueado el {lock.locked_at.astimezone().strftime('%d/%m/%Y')} "
        f"por {small_world.planner} (informe firmado)."
    )
    assert refusal in page.inner_text("#bloqueo")
    # The locked month is shown, not offered: no field to type in, no button to save.
    assert page.is_disabled("input[name=physical_1]")
    assert page.get_by_role("button", name="Guardar").count() == 0
    page.screenshot(path=str(tmp_path / "bloqueo.png"), full_page=True)
    assert (
        Execution.objects.get(cost_centre=small_world.central, subproduct=small_world.passports).physical
        == 950
    )
