"""A person logs in with a demo account in a real browser and sees IGM's plans."""

import pytest

from tests.factories import TEST_PASSWORD, UserFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_planner_logs_in_and_sees_the_plans(live_server, page, igm):
    UserFactory(username="ana", institution=igm)
    page.goto(f"{live_server.url}/")
    assert "/cuenta/ingresar/" in page.url
    page.fill("#id_username", "ana")
    page.fill("#id_password", "clave equivocada")
    page.click("button[type=submit]")
    assert (
        page.locator(".error").inner_text()
        == "Usuario o contraseña incorrectos. Verifique e intente de nuevo."
    )
    page.fill("#id_username", "ana")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    assert page.locator("h2.worklist-plans").inner_text() == "Planes institucionales"
    assert page.get_by_text("Plan Operativo Multianual 2026-2030").is_visible()
    assert page.get_by_text(
        "Acuerdo de Autoridad Migratoria Nacional No. AMN 006-2023", exact=True
    ).is_visible()
