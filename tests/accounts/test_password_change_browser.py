"""Real browser: a planner changes their password from the header link and continues from the
confirmation page; the form fits a phone's width."""

import os
from pathlib import Path

import pytest

from tests.factories import TEST_PASSWORD, UserFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_planner_changes_the_password_from_the_header(live_server, page, igm):
    UserFactory(username="ana", institution=igm, first_name="Ana", last_name="López")
    page.goto(f"{live_server.url}/cuenta/ingresar/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.click("header >> text=Cambiar contraseña")
    page.fill("#id_old_password", TEST_PASSWORD)
    page.fill("#id_new_password1", "12345678")
    page.fill("#id_new_password2", "12345678")
    page.get_by_role("button", name="Cambiar contraseña").click()
    assert "demasiado común" in page.locator(".account-field.has-error").first.inner_text()
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / "password-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    page.fill("#id_old_password", TEST_PASSWORD)
    page.fill("#id_new_password1", "Quetzal-Migracion-2031")
    page.fill("#id_new_password2", "Quetzal-Migracion-2031")
    page.get_by_role("button", name="Cambiar contraseña").click()
    assert page.locator("h1").inner_text() == "Contraseña cambiada"
    page.click("text=Ir al inicio")
    assert page.locator("h2.worklist-plans").inner_text() == "Planes institucionales"
