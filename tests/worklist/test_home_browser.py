"""Real browser: each role's home lists its pending items with links that open where the work is
done, and the page fits a phone. With IGM_SCREENSHOT_DIR set, each home is photographed at 1366
and 390 px."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from reporting.models import PeriodReport
from tests.browser import logged_in_page


def _shoot(page, name: str) -> None:
    directory = os.environ.get("IGM_SCREENSHOT_DIR")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
        if directory:
            page.screenshot(path=str(Path(directory) / f"home-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_each_role_finds_its_pending_work_on_its_home(live_server, browser, pending):
    PeriodReport.objects.create(
        institution=pending.institution, year=2024, period=1, status=PeriodReport.Status.SUBMITTED
    )
    homes = {
        "encargado": (
            pending.xela_officer,
            "devueltos",
            reverse("budget:month", args=[pending.xela.pk, 2024, 2]),
        ),
        "planificacion": (
            pending.planner,
            "meses-por-aprobar",
            reverse("budget:month", args=[pending.xela.pk, 2024, 3]),
        ),
        "jefatura": (
            pending.planning_lead,
            "reprogramaciones-por-aprobar",
            reverse("planning:reprogramming_detail", args=[pending.requested.pk]),
        ),
        "director": (
            pending.director,
            "informes-por-aprobar",
            reverse("reporting:period", args=["INP", 2024, 1]),
        ),
        "auditor": (
            pending.auditor,
            "ultimos-cambios",
            reverse("planning:reprogramming_detail", args=[pending.requested.pk]),
        ),
    }
    for name, (user, queue, link) in homes.items():
        page = logged_in_page(browser, live_server, user)
        items = page.locator(f"#{queue} .worklist-items a[href='{link}']")
        assert items.count() >= 1, name
        _shoot(page, name)
        items.first.click()
        page.wait_for_url(f"{live_server.url}{link}")
        assert page.locator("h1").count() == 1
        page.context.close()

    # The officer's returned month carries planning's comment on the home page.
    page = logged_in_page(browser, live_server, pending.xela_officer)
    assert "Falta el albergue de Coatepeque en febrero." in page.locator("#devueltos").inner_text()
    page.context.close()
