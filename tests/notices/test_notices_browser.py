"""Real browser: an officer finds the reminder under «Avisos», opens it and lands where the months
are sent; silencing the kind says so. With IGM_SCREENSHOT_DIR set, the page at 1366 and 390 px."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from notices.services import reminders_send
from tests.browser import logged_in_page
from tests.notices.test_reminders_by_smtp import FIVE_DAYS_BEFORE


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_reads_opens_and_silences_a_reminder(live_server, browser, small_world):
    reminders_send(day=FIVE_DAYS_BEFORE)
    page = logged_in_page(browser, live_server, small_world.xela_officer)
    page.click("nav >> text=Avisos")
    notice = page.locator("#avisos .notice-item.unread")
    assert notice.count() == 1
    assert "CC-02 Delegación Quetzaltenango: enero, febrero, marzo, abril" in notice.inner_text()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if os.environ.get("IGM_SCREENSHOT_DIR"):
            page.screenshot(
                path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / f"avisos-{width}.png"), full_page=True
            )
    page.set_viewport_size({"width": 1366, "height": 900})
    notice.get_by_role("button", name="Abrir").click()
    page.wait_for_url(f"{live_server.url}{reverse('budget:index')}?anio=2024")
    page.goto(f"{live_server.url}{reverse('notices:list')}")
    assert page.locator("#avisos .notice-item.unread").count() == 0
    page.locator("#silenciar li", has_text="Meses sin enviar").get_by_role("button", name="Silenciar").click()
    assert "Ya no recibirá avisos de «Meses sin enviar»." in page.locator(".messages").inner_text()
    assert "Meses sin enviar: silenciado" in page.locator("#silenciar").inner_text()
    page.context.close()
