"""A real chromium for the workspace journeys (Debian's build; playwright cannot download one)."""

import os
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

from tests.factories import TEST_PASSWORD

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@contextmanager
def chromium():
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test stay sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def log_in(browser, live_server, user):
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="es-GT")
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/cuenta/ingresar/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page
