"""A refused form opens with a summary of its errors at the top, focused, each error a link that
takes the person to its field (as GOV.UK's design system does)."""

import os
from pathlib import Path

import pytest

from accounts.models import Role, User
from planning.models import Plan
from tests.pages.main_pages import logged_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_refused_plan_form_lists_each_error_linked_to_its_field(browser, live_server, igm):
    pom = Plan.objects.get(institution=igm, kind=Plan.Kind.POM, start_year=2026)
    planner = User.objects.filter(role=Role.PLANNER, institution=igm).order_by("username").first()
    page = logged_in(browser, live_server, planner)
    page.goto(f"{live_server.url}/planificacion/planes/{pom.pk}/editar/")
    page.fill("#id_name", "")
    page.fill("#id_end_year", "2020")
    page.click("button:has-text('Guardar')")

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    links = summary.locator("a")
    assert links.count() == 2
    texts = links.all_inner_texts()
    assert texts[0].startswith("Nombre") and "requerido" in texts[0]
    assert "no puede ser anterior al inicial" in texts[1]
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / "form-error-summary-1366.png"))
    links.nth(1).click()
    assert page.evaluate("document.activeElement.id") == "id_end_year"
