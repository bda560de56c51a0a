"""Acceptance in a real browser: the director opens the dashboard and sees IGM's 2024 figures
with the right traffic lights; the page prints without the navigation.

Set IGM_SCREENSHOT_DIR to keep the screenshot (docs/img/dashboard.png is made that way)."""

import os
from pathlib import Path

import pytest

from accounts.models import Role
from tests.browser import log_in
from tests.factories import UserFactory

# siplan-cuatrimestre-3-2024.txt, "% de Avance acumulado al 3er cuatrimestre", product rows.
EXPECTED = {
    "Asistencia y Protección a las Personas Migrantes": (("76.96 %", "Amarillo"), ("86.61 %", "Amarillo")),
    "Emision de Documentos Migratorios": (("95.81 %", "Verde"), ("56.64 %", "Rojo")),
    "Registro Control y Emisión de Visas y Residencias": (("93.24 %", "Verde"), ("79.60 %", "Amarillo")),
    "Control Registro de Nacionales y Extranjeros en el Territorio Nacional": (
        ("91.20 %", "Verde"),
        ("73.72 %", "Amarillo"),
    ),
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_director_sees_igm_2024_progress_with_its_lights(live_server, page, igm):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server, UserFactory(username="direccion", role=Role.DIRECTOR, institution=igm))
    page.click("text=Tablero")
    page.fill("#id_year", "2024")
    page.select_option("#id_period", "3")
    page.click("text=Ver")
    page.wait_for_selector("#dashboard-table")

    assert page.locator("h1").inner_text() == "Tablero de seguimiento 2024 — IGM"
    for name, lines in EXPECTED.items():
        block = page.locator("tbody.product-block", has=page.locator("tr.product td.name", has_text=name))
        for measure, (pct, light) in enumerate(lines, start=1):
            row = block.locator(f'tr.product[data-measure="{measure}"]')
            assert row.locator("td.accumulated-pct").inner_text() == pct
            assert row.locator(".light").inner_text() == f"● {light}"
    assert page.locator("figure.chart.bars svg").is_visible()
    assert page.locator("figure.chart.line svg").count() == 12
    # No horizontal scrolling on a laptop screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366

    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / "dashboard.png"), full_page=True)

    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert page.locator("#dashboard-table").is_visible()
