"""In a real browser: the goals grid is one form (two rows changed, one save, both kept), leaving
it with unsaved changes asks first, and the findings banner takes the planner to the cell.

Set IGM_SCREENSHOT_DIR to keep the screenshots (docs/img/goals-grid-1366.png, goals-grid-390.png)."""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from planning.models import Goal, Subproduct
from tests.browser import logged_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _grid(browser, live_server, world):
    page = logged_in_page(browser, live_server, world.planner)
    page.goto(f"{live_server.url}/planificacion/planes/{world.pom.pk}/metas/")
    page.wait_for_selector("#goals-grid")
    return page


def test_two_rows_changed_are_saved_at_once(browser, live_server, small_world):
    first, second = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk")[:2]
    page = _grid(browser, live_server, small_world)
    page.fill(f"input[name=s{first.pk}-physical_2027]", "9,700")
    page.fill(f"input[name=s{second.pk}-financial_2028]", "Q 1,234.50")
    page.fill(f"input[name=s{second.pk}-physical_2028]", "12")
    page.fill("#id_reason", "Metas revisadas con las unidades")
    page.click("#goals-save")
    page.wait_for_selector(".msg-success")
    assert Goal.objects.get(subproduct=first, year=2027).physical_current == 9700
    kept = Goal.objects.get(subproduct=second, year=2028)
    assert (kept.physical_current, kept.financial_current) == (12, Decimal("1234.50"))
    assert kept.history.latest().history_change_reason == "Metas revisadas con las unidades"
    assert page.input_value(f"input[name=s{first.pk}-physical_2027]") == "9,700"


def test_leaving_a_dirty_grid_asks_first_and_saving_does_not(browser, live_server, small_world):
    first = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk").first()
    page = _grid(browser, live_server, small_world)
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    # A clean grid is left without a question.
    page.click(f"input[name=s{first.pk}-physical_2026]")
    page.click(".goals-back a")
    page.wait_for_url(f"{live_server.url}/planificacion/planes/{small_world.pom.pk}/")
    assert dialogs == []
    page.go_back()
    page.wait_for_selector("#goals-grid")
    page.click(f"input[name=s{first.pk}-physical_2026]")
    page.keyboard.press("Control+A")
    page.keyboard.type("10005")
    with page.expect_event("dialog"):
        page.click(".goals-back a")
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(f"/planes/{small_world.pom.pk}/metas/")  # dismissed: still on the grid
    page.click("#goals-save")
    page.wait_for_selector(".msg-success")
    assert dialogs == ["beforeunload"]
    assert Goal.objects.get(subproduct=first, year=2026).physical_current == 10005


def test_findings_banner_links_to_the_flagged_cell(browser, live_server, small_world):
    first = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk").first()
    Goal.objects.filter(subproduct=first, year=2026).update(financial_current=Decimal("1"))
    page = _grid(browser, live_server, small_world)
    link = page.locator("#finding-links a").first
    target = link.get_attribute("href")
    link.click()
    assert page.url.endswith(target)
    assert page.locator(target).is_visible()
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        folder = Path(os.environ["IGM_SCREENSHOT_DIR"])
        page.fill(f"input[name=s{first.pk}-physical_2027]", "9,700")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(folder / "goals-grid-1366.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(folder / "goals-grid-390.png"))


def test_two_people_on_the_same_row_the_second_is_told_what_changed(browser, live_server, small_world):
    subproduct = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk").first()
    cell = f"input[name=s{subproduct.pk}-physical_2027]"
    stored = Goal.objects.get(subproduct=subproduct, year=2027).physical_current
    ana = _grid(browser, live_server, small_world)
    berta = logged_in_page(browser, live_server, small_world.planning_lead)
    berta.goto(f"{live_server.url}/planificacion/planes/{small_world.pom.pk}/metas/")
    ana.fill(cell, "9,700")
    ana.click("#goals-save")
    ana.wait_for_selector(".msg-success")
    berta.fill(cell, "9,650")
    berta.click("#goals-save")
    refusal = berta.locator(".msg-error").inner_text()
    assert "Ana Planificadora cambió estos datos" in refusal
    assert f"S1 meta física 2027: {stored:,} → 9,700" in refusal
    assert berta.input_value(cell) == "9,650"  # Berta's typing stays on the page
    assert Goal.objects.get(subproduct=subproduct, year=2027).physical_current == 9700
