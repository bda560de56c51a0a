"""At a phone's width (390×844) the pages people open on the move fit the screen: wide tables scroll
inside their own box, never the whole page, and the menu folds behind a button."""

import os
from pathlib import Path

import pytest

from accounts.models import Role, User
from budget.models import CostCentre
from tests.pages.main_pages import logged_in, main_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _screenshot(page, name):
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["IGM_SCREENSHOT_DIR"]) / name), full_page=True)


# The outermost elements that reach past the screen's right edge, to say what widens the page.
WIDE_ELEMENTS = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
    && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
  .map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))"""


def _fits(page) -> bool:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width, page.evaluate(WIDE_ELEMENTS))
    return True


def test_home_entry_grid_and_period_page_fit_a_phone(browser, live_server, igm):
    cc = CostCentre.objects.filter(institution=igm).order_by("code").first()
    officer = User.objects.filter(role=Role.OFFICER, institution=igm).order_by("username").first()
    page = logged_in(browser, live_server, officer, **PHONE)
    assert _fits(page)
    # The header is one line: the menu opens behind its button.
    assert not page.locator("#site-menu").is_visible()
    assert page.locator(".topbar").bounding_box()["height"] < 80
    _screenshot(page, "phone-home-390.png")
    page.click("button.menu-toggle")
    assert page.locator("#site-menu").is_visible()
    assert page.get_attribute("button.menu-toggle", "aria-expanded") == "true"
    assert _fits(page)
    page.click("button.menu-toggle")

    page.goto(f"{live_server.url}/ejecucion/centro/{cc.pk}/2024/11/capturar/")
    assert _fits(page)
    _screenshot(page, "phone-entry-grid-390.png")

    director = User.objects.filter(role=Role.DIRECTOR, institution=igm).order_by("username").first()
    page = logged_in(browser, live_server, director, **PHONE)
    assert _fits(page)
    page.goto(f"{live_server.url}/reportes/IGM/2024/3/")
    assert _fits(page)
    _screenshot(page, "phone-period-390.png")


def test_every_main_page_of_every_role_fits_a_phone(browser, live_server, igm):
    wide = {}
    for role, paths in main_pages(igm).items():
        user = User.objects.filter(role=role).order_by("username").first()
        page = logged_in(browser, live_server, user, **PHONE)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide[f"{role} {path}"] = (width, page.evaluate(WIDE_ELEMENTS))
        page.context.close()
    assert not wide, "\n".join(f"{page}: {found}" for page, found in wide.items())
