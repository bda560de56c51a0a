"""In a real browser, a planner requests a reprogramming and the planning lead approves it."""

import pytest

from planning.models import Reprogramming
from tests.browser import logged_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_requests_and_lead_approves_reprogramming(browser, live_server, small_world):
    approved_goal = small_world.visas_goal  # 800 / Q 90,000.00, POA 2024 approved
    subproduct = approved_goal.subproduct
    page = logged_in_page(browser, live_server, small_world.planner)
    page.goto(f"{live_server.url}/planificacion/subproductos/{subproduct.pk}/")
    page.click("text=Historial y reprogramación")

    page.select_option("#id_measure", "physical")
    for field, value in (
        ("new_value", "1500"),
        ("effective_date", "2024-06-03"),
        ("supporting_act", "Resolución SP-012-2024"),
    ):
        page.fill(f"#id_{field}", value)
    page.click("button:has-text('Solicitar reprogramación')")
    # Justification is required; the rest of the request is kept.
    assert page.locator("#field-justification .error").inner_text() == "Este campo es requerido."
    assert page.input_value("#id_new_value") == "1500"
    page.fill("#id_justification", "Mayor demanda en delegaciones fronterizas")
    page.click("button:has-text('Solicitar reprogramación')")
    page.wait_for_selector("text=Reprogramación solicitada")
    assert "Solicitada" in page.inner_text("#reprogrammings")
    assert page.inner_text("#physical-current") == "800"

    lead_page = logged_in_page(browser, live_server, small_world.planning_lead)
    lead_page.click("nav.mainnav >> text=Planificación")
    lead_page.click("text=Reprogramaciones")
    lead_page.click(f"a[href$='/reprogramaciones/{approved_goal.reprogrammings.get().pk}/']")
    lead_page.fill("#id_decision_comment", "Procede según resolución")
    lead_page.click("button:has-text('Aprobar')")
    dialog = lead_page.locator("#confirm-approve")
    assert "pasa de 800 a 1,500" in dialog.inner_text()
    lead_page.click("#confirm-approve-yes")
    lead_page.wait_for_selector("text=Decisión registrada.")

    assert lead_page.inner_text("#physical-current") == "1,500"
    assert lead_page.inner_text("#financial-current") == "Q 90,000.00"
    row = lead_page.locator("#reprogrammings tbody tr").first.inner_text()
    assert "Aprobada" in row and "800" in row and "1,500" in row and "Berta Jefa" in row
    history = lead_page.locator("#history tbody tr").first.inner_text()
    reprogramming = approved_goal.reprogrammings.get()
    assert f"Reprogramación n.º {reprogramming.pk} aprobada" in history
    assert "Berta Jefa" in history
    approved_goal.refresh_from_db()
    assert approved_goal.physical_current == 1500
    assert reprogramming.status == Reprogramming.Status.APPROVED
