"""Real browser: a director asks for every indicator sheet of IGM's POM in one PDF from the sheets
page, watches the job reach 100 % and downloads one PDF with a bookmark per sheet.

Set IGM_SCREENSHOT_DIR to keep the screenshots (docs/img/plan-sheets-job-1366.png and -390.png)."""

import os
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from accounts.models import Role
from tests.browser import logged_in_page
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_director_gets_the_sheets_in_one_pdf_through_a_job(browser, live_server, igm, igm_pom, tmp_path):
    director = UserFactory(username="dg-fichas", role=Role.DIRECTOR, institution=igm)
    page = logged_in_page(browser, live_server, director)
    page.goto(f"{live_server.url}/indicadores/?plan={igm_pom.pk}")
    page.click("text=Generar PDF de todas las fichas con marcadores")
    page.wait_for_url("**/reportes/trabajos/*/")
    page.wait_for_selector("#job-download", state="visible", timeout=60_000)
    assert page.locator("#job-progress").get_attribute("value") == "100"
    assert page.locator("h1").inner_text() == "Fichas técnicas IGM 2026-2030 · PDF"
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        folder = Path(os.environ["IGM_SCREENSHOT_DIR"])
        page.screenshot(path=str(folder / "plan-sheets-job-1366.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(folder / "plan-sheets-job-390.png"), full_page=True)
    with page.expect_download() as download_info:
        page.click("#job-download")
    download = download_info.value
    assert download.suggested_filename == "fichas-indicadores-IGM-2026-2030.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    reader = PdfReader(BytesIO(path.read_bytes()))
    assert len(reader.pages) == 9
    assert "Página 9 de 9" in reader.pages[8].extract_text()
    assert len(reader.outline[1]) == 5  # four sheets and the multiannual table, under the plan
