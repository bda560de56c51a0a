"""Logging people in for the real-browser journeys (the browser comes from pytest-playwright)."""

import re

from tests.factories import TEST_PASSWORD


def log_in(page, live_server, user):
    """Log ``user`` (made by the factories, so with their test password) in and wait for home (the
    national view for SEGEPLAN)."""
    page.goto(f"{live_server.url}/cuenta/ingresar/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(live_server.url) + r"/(nacional/)?$"))
    return page


def logged_in_page(browser, live_server, user):
    """A fresh browser context per person, so two people can work side by side."""
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="es-GT").new_page()
    page.set_default_timeout(10_000)
    return log_in(page, live_server, user)
