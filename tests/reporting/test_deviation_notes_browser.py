"""In a real browser: each measure of a subproduct keeps its own deviation note, all saved at
once, on the officer's page and on the period page together with the letter's addressee.

Set IGM_SCREENSHOT_DIR to keep docs/img/deviation-notes-1366.png and deviation-notes-390.png."""

import os
from pathlib import Path

import pytest

from accounts.models import Role
from reporting.models import DeviationNote, PeriodReport
from tests.browser import logged_in_page
from tests.factories import UserFactory
from tests.reporting.test_officer_deviations import officer_of, subproduct_2024

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_keeps_both_measures_notes(browser, live_server, igm):
    extensions = subproduct_2024(igm, "Prorroga de Documentos Migratorios")
    officer = officer_of(igm, extensions, username="encargada_prorrogas")
    page = logged_in_page(browser, live_server, officer)
    page.goto(f"{live_server.url}/reportes/desviaciones/?anio=2024&cuatrimestre=3")
    page.fill(f"textarea[name=note-{extensions.pk}-physical]", "Prórrogas suspendidas en octubre.")
    page.fill(f"textarea[name=note-{extensions.pk}-financial]", "Pago de alquiler sin meta financiera.")
    page.click("#save-notes")
    page.wait_for_selector(".msg-success")
    notes = dict(
        DeviationNote.objects.filter(subproduct=extensions, year=2024, period=3).values_list(
            "measure", "text"
        )
    )
    assert notes == {
        "physical": "Prórrogas suspendidas en octubre.",
        "financial": "Pago de alquiler sin meta financiera.",
    }
    assert page.input_value(f"textarea[name=note-{extensions.pk}-financial]") == (
        "Pago de alquiler sin meta financiera."
    )
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        folder = Path(os.environ["IGM_SCREENSHOT_DIR"])
        page.screenshot(path=str(folder / "deviation-notes-1366.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(folder / "deviation-notes-390.png"), full_page=True)


def test_period_page_saves_the_addressee_and_the_notes_together(browser, live_server, igm):
    planner = UserFactory(username="planificadora", role=Role.PLANNING_LEAD, institution=igm)
    page = logged_in_page(browser, live_server, planner)
    page.goto(f"{live_server.url}/reportes/IGM/2024/3/")
    page.fill("#id_addressee_name", "Licenciado Carlos Mendoza")
    boxes = page.locator("textarea[name^=note-]")
    first, second = boxes.nth(0), boxes.nth(1)
    names = first.get_attribute("name"), second.get_attribute("name")
    first.fill("Retraso en compras.")
    second.fill("Licitación declarada desierta.")
    page.click("#save-notes")
    page.wait_for_selector(".msg-success")
    assert page.input_value("#id_addressee_name") == "Licenciado Carlos Mendoza"
    report = PeriodReport.objects.get(institution=igm, year=2024, period=3)
    assert (report.addressee_name, report.status) == ("Licenciado Carlos Mendoza", PeriodReport.Status.DRAFT)
    stored = {f"note-{n.subproduct_id}-{n.measure}": n.text for n in DeviationNote.objects.all()}
    assert stored == {names[0]: "Retraso en compras.", names[1]: "Licitación declarada desierta."}
