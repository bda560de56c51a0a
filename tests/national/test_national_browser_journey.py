"""Real browser: SEGEPLAN filters the national view to the late institutions, drills into one's
SIPLAN report, comes back and downloads the consolidated XLSX, watching the job's progress."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from accounts.models import Role
from reporting.models import PeriodReport
from tests.browser import logged_in_page
from tests.factories import UserFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_segeplan_filters_late_institutions_drills_in_and_downloads_the_xlsx(
    live_server, browser, igm, small_world, tmp_path
):
    PeriodReport.objects.create(institution=igm, year=2024, period=3, status=PeriodReport.Status.SIGNED)
    segeplan = UserFactory(username="analista-segeplan", role=Role.SEGEPLAN, institution=None)
    page = logged_in_page(browser, live_server, segeplan)
    assert page.url.endswith("/nacional/")

    page.goto(f"{live_server.url}/nacional/?year=2024&period=3")
    page.select_option("#id_status", "late")
    page.click("#national-filters button")
    page.wait_for_url("**status=late**")
    rows = page.locator("#national-lines > tbody > tr")
    codes = sorted(rows.nth(i).get_attribute("data-code") for i in range(rows.count()))
    assert codes == ["INP", "VEC"]  # IGM signed its report
    assert all("Atrasado" in rows.nth(i).locator(".badge").inner_text() for i in range(rows.count()))
    assert "días de atraso" in rows.first.inner_text()

    page.click("tr[data-code=INP] >> a.drill")
    page.wait_for_url("**/reportes/INP/2024/3/")
    page.go_back()
    page.wait_for_selector("#national-export")

    page.click("#national-export >> button[value=xlsx]")
    page.wait_for_url("**/reportes/trabajos/*/")
    page.wait_for_selector("#job-download", state="visible", timeout=60_000)
    assert page.locator("#job-progress").get_attribute("value") == "100"
    with page.expect_download() as download_info:
        page.click("#job-download")
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    book = load_workbook(BytesIO(path.read_bytes()))
    assert book.sheetnames == ["Resumen", "INP", "VEC"]
    assert [row[0].value for row in book["Resumen"].iter_rows(min_row=5)] == ["INP", "VEC"]
