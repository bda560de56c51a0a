"""In a real browser, the year's cycle on IGM's data: a planner creates the 2026 POA from the POM,
programs «Emisión de Documentos Migratorios» in the grid (a row that does not add up is refused with
its difference, then fixed) and spreads «Prórroga» by 2024's execution; the lead approves the POA; an
officer's August execution then shows its deviation against programming on the dashboard and the
officers' deviations page.

Set IGM_SCREENSHOT_DIR to keep the screenshots (docs/img/programming-grid.png and
docs/img/dashboard-programmed-vs-executed.png are made that way)."""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.models import Role, User
from planning.models import MonthlyProgramming, Plan
from tests.browser import logged_in_page
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMISSION, EXTENSION = "11-00-000-002-01", "11-00-000-002-02"


def igm_person(igm, role):
    user = User.objects.filter(institution=igm, role=role).order_by("username").first()
    user.set_password(TEST_PASSWORD)
    user.save()
    return user


def shot(page, name: str, **kwargs) -> None:
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / name), **kwargs)


def fill_row(page, sub_id: int, measure: str, values: list[str]) -> None:
    for month, value in enumerate(values, start=1):
        page.fill(f"input[name='m-{sub_id}-{measure}-{month}']", value)


def test_planner_programs_the_2026_poa_lead_approves_officer_sees_deviation(browser, live_server, igm):
    """One journey, step after step as people walk it (long: each step starts where the last one left
    the browser)."""
    planner, lead = igm_person(igm, Role.PLANNER), igm_person(igm, Role.PLANNING_LEAD)
    officer, director = igm_person(igm, Role.OFFICER), igm_person(igm, Role.DIRECTOR)
    pom = Plan.objects.get(institution=igm, kind=Plan.Kind.POM)

    page = logged_in_page(browser, live_server, planner)
    page.goto(f"{live_server.url}/planificacion/planes/{pom.pk}/")
    page.click("#poa-2026 button:has-text('Crear POA 2026')")
    page.wait_for_selector("text=POA 2026 creado desde")
    poa = Plan.objects.get(institution=igm, kind=Plan.Kind.POA, start_year=2026)
    assert page.url.endswith(f"/planificacion/planes/{poa.pk}/programacion/")
    emission = poa.products.get(code="11-00-000-002").subproducts.get(code=EMISSION)
    extension = poa.products.get(code="11-00-000-002").subproducts.get(code=EXTENSION)

    # Emisión: 1,135,189 documents and Q 42,696,173.00; December one cent short first.
    fill_row(page, emission.id, "physical", ["94,599"] * 11 + ["94,600"])
    fill_row(page, emission.id, "financial", ["3558014.41"] * 11 + ["3558014.48"])
    financial_row = page.locator(f"#subproduct-{emission.id} tr[data-measure=financial]")
    assert financial_row.locator("td.diff").inner_text() == "Q -0.01"  # live, before saving
    page.click("#save-programming")
    refusal = (
        "La programación financiera de «Emisión de Documentos Migratorios» suma Q 42,696,172.99 y la meta "
        "vigente es Q 42,696,173.00: diferencia Q -0.01."
    )
    page.wait_for_selector(f"text={refusal}")
    assert not MonthlyProgramming.objects.filter(goal__subproduct__product__plan=poa).exists()
    page.fill(f"input[name='m-{emission.id}-financial-12']", "3558014.49")
    page.keyboard.press("Tab")
    assert financial_row.locator("td.diff").inner_text() == "Q 0.00"
    page.click("#save-programming")
    page.wait_for_selector("text=Programación guardada: 24 meses cambiados.")

    # Prórroga by 2024's execution pattern.
    page.check(f"input[name=subproducts][value='{extension.id}']")
    page.select_option("#id_method", "pattern")
    page.fill("#id_pattern_year", "2024")
    page.click("#spread-form button:has-text('Repartir')")
    page.wait_for_selector("text=Reparto aplicado: 24 meses cambiados.")
    physical = MonthlyProgramming.objects.filter(goal__subproduct=extension, measure="physical").order_by(
        "month"
    )
    assert sum(row.value for row in physical) == Decimal(90000)
    assert "4 de" in page.inner_text("#programmed-count")
    product = poa.products.get(code="11-00-000-002")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.evaluate(f"document.getElementById('product-{product.id}').scrollIntoView()")
    shot(page, "programming-grid.png", full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate(f"document.getElementById('product-{product.id}').scrollIntoView()")
    shot(page, "programming-grid-390.png", full_page=False)

    lead_page = logged_in_page(browser, live_server, lead)
    lead_page.goto(f"{live_server.url}/planificacion/planes/{poa.pk}/editar/")
    lead_page.select_option("#id_status", "approved")
    lead_page.fill("#id_approval_act", "Acuerdo AMN 002-2026")
    lead_page.fill("#id_approval_date", "2026-01-15")
    lead_page.click("button[type=submit]")
    lead_page.wait_for_selector("text=Cambios guardados.")
    poa.refresh_from_db()
    assert poa.is_approved

    officer_page = logged_in_page(browser, live_server, officer)
    centre = officer.cost_centres.get(code="CC-02")
    officer_page.goto(f"{live_server.url}/ejecucion/centro/{centre.pk}/2026/8/capturar/")
    officer_page.fill(f"input[aria-label^='{EMISSION} physical_']", "60000")
    officer_page.fill(f"input[aria-label^='{EMISSION} financial_']", "2000000.00")
    officer_page.click("button:has-text('Guardar')")
    officer_page.wait_for_load_state()
    officer_page.goto(f"{live_server.url}/reportes/desviaciones/?anio=2026&cuatrimestre=2")
    line = officer_page.locator(f"#sp-{emission.id} tr").first.inner_text()
    # Programmed to August: 94,599 × 8 = 756,792; 60,000 ÷ 756,792 = 7.93 %.
    # Persons in whole units (not «756,792.00»).
    assert "756,792" in line and "756,792.00" not in line and "programado" in line and "7.93" in line

    director_page = logged_in_page(browser, live_server, director)
    director_page.goto(f"{live_server.url}/seguimiento/tablero/?year=2026&period=2")
    row = director_page.locator(f'tr.subproduct[data-row="subproduct-{emission.id}"][data-measure="1"]')
    assert row.locator("td.expected").inner_text() == "756,792"
    assert row.locator("td.progress-pct").inner_text() == "7.93 %"
    assert row.locator(".light").inner_text() == "● Rojo"
    chart = director_page.locator("#programmed-vs-executed")
    assert chart.locator("svg").is_visible()
    chart.scroll_into_view_if_needed()
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        chart.screenshot(
            path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / "dashboard-programmed-vs-executed.png")
        )
