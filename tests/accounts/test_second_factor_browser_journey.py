"""Real browser: with the second factor required, the director enrols an authenticator (its code
computed from the key the page shows), logs out, logs in with password and code and reaches the
SIPLAN reports; a run of wrong passwords shows the lockout page. Every page fits a phone's width.

Set IGM_SCREENSHOT_DIR to keep the screenshots (docs/img/login-*.png, lockout-*, enrol-*, code-*)."""

import os
from base64 import b32decode
from pathlib import Path

import pytest

from accounts.models import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .second_factor import code_for

WIDTHS = (1366, 390)


def look(page, name: str) -> None:
    """At both widths: nothing wider than the screen; kept as docs/img/<name>-<width>.png if asked."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if os.environ.get("IGM_SCREENSHOT_DIR"):
            path = Path(os.environ["IGM_SCREENSHOT_DIR"]) / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
    page.set_viewport_size({"width": 1366, "height": 900})


def log_in(page, url, username, password):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_director_enrols_totp_then_logs_in_with_password_and_code(live_server, page, igm, settings):
    settings.IGM_REQUIRE_2FA = True
    UserFactory(username="dg", role=Role.DIRECTOR, institution=igm, first_name="Alfredo", last_name="Rivera")

    page.goto(f"{live_server.url}/reportes/")
    look(page, "login")
    log_in(page, live_server.url, "dg", TEST_PASSWORD)

    page.wait_for_selector("#totp-secret")
    assert page.locator("h1").inner_text() == "Activar la verificación en dos pasos"
    page.wait_for_load_state("load")  # images included; no string evaluation: the page forbids eval
    assert page.locator("img.qr").evaluate("img => img.complete && img.naturalWidth") > 0
    look(page, "enrol")
    secret = b32decode(page.locator("#totp-secret").inner_text().replace(" ", ""))
    page.fill("#id_code", code_for(secret))
    page.get_by_role("button", name="Activar", exact=True).click()

    page.wait_for_selector("#backup-codes")
    assert page.locator("#backup-codes li").count() == 10
    look(page, "backup-codes")
    page.click("text=Ya los guardé, continuar")
    assert page.locator("h1").inner_text() == "Reportes cuatrimestrales SIPLAN"

    page.click("header >> text=Salir")
    page.goto(f"{live_server.url}/reportes/")
    log_in(page, live_server.url, "dg", TEST_PASSWORD)
    page.wait_for_selector("#id_code")
    assert page.locator("h1").inner_text() == "Código de verificación"
    assert page.locator("nav.mainnav a").count() == 0  # the menu would only lead back here
    look(page, "code")
    page.fill("#id_code", code_for(secret, 1))
    page.get_by_role("button", name="Verificar", exact=True).click()
    assert page.locator("h1").inner_text() == "Reportes cuatrimestrales SIPLAN"
    page.click("header >> text=Mi cuenta")
    assert "Activada" in page.locator("#second-factor").inner_text()
    look(page, "account")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_wrong_passwords_lead_to_the_lockout_page(live_server, page, igm):
    UserFactory(username="ana", institution=igm)
    page.goto(f"{live_server.url}/cuenta/ingresar/")
    for n in range(4):
        log_in(page, live_server.url, "ana", f"equivocada-{n}")
        assert page.locator(".error").inner_text().startswith("Usuario o contraseña incorrectos")
    log_in(page, live_server.url, "ana", "equivocada-5")
    assert page.locator("h1").inner_text() == "Ingreso bloqueado temporalmente"
    assert "15 minutos" in page.locator(".locked-out").inner_text()
    look(page, "lockout")
    page.click("text=Volver a la página de ingreso")
    log_in(page, live_server.url, "ana", TEST_PASSWORD)
    assert page.locator("h1").inner_text() == "Ingreso bloqueado temporalmente"
