"""In a real browser, Swagger UI's Authorize dialog tells an integrator how to send the key, with its
placeholders intact, and offers only the token (no cookie login). A request authorized there with
``Token <clave>`` is answered; a bare key gets the 401 that says to add "Token ".

Set IGM_SCREENSHOT_DIR to keep the screenshot (docs/img/api-authorize.png is made that way)."""

import os
from pathlib import Path

import pytest

from accounts.services import api_token_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_authorize_dialog_explains_the_token_header(browser, live_server, igm):
    key = api_token_create(client_name="Sistema IGM", scope="institution:IGM").key
    page = browser.new_context(viewport={"width": 1366, "height": 768}, locale="es-GT").new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/api/docs/")
    page.get_by_text("Listar metas").first.wait_for()
    page.click("button.authorize")
    dialog = page.locator(".dialog-ux .modal-ux")
    dialog.wait_for()
    text = dialog.inner_text()
    assert "Authorization: Token <clave>" in text
    assert "Token 8sK2xQ4mZl0vR7tYp3Nw" in text
    assert "tokenAuth" in text and "cookieAuth" not in text and "sessionid" not in text
    dialog.locator("input").fill(f"Token {key}")
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / "api-authorize.png"))

    authorized = page.request.get(
        f"{live_server.url}/api/v1/institutions/", headers={"Authorization": f"Token {key}"}
    )
    assert authorized.status == 200
    bare = page.request.get(f"{live_server.url}/api/v1/institutions/", headers={"Authorization": key})
    assert bare.status == 401
    assert "`Authorization: Token <clave>`" in bare.json()["error"]["message"]
