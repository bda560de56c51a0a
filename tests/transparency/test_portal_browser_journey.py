"""Real browser: a visitor without an account opens IGM's portal, downloads the signed report,
verifies its signature (on its verification page and by uploading the downloaded copy), and
downloads the approved execution as CSV. Every page fits a 390 px phone.

Set IGM_SCREENSHOT_DIR to keep the screenshots (docs/img/portal-*-1366.png and -390.png)."""

import csv
import io

import pytest

from tests.accounts.test_second_factor_browser_journey import look
from tests.transparency.conftest import APPROVED_MONTHS, publish


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_visitor_downloads_and_verifies_the_signed_report_and_the_execution_csv(
    live_server, igm, igm_user, explained, request, tmp_path
):
    publish(igm, igm_user, in_thread=True)
    page = request.getfixturevalue("page")  # after the signing: pyHanko wants no running event loop
    page.set_default_timeout(20_000)

    page.goto(f"{live_server.url}/transparencia/")
    look(page, "portal-index")
    page.click("text=Instituto Guatemalteco de Migración")
    page.wait_for_url("**/transparencia/IGM/")
    assert page.locator("h1").inner_text().startswith("Instituto Guatemalteco de Migración")
    assert page.get_by_text("Licda. Jessica Margaret Orellana Díaz").is_visible()
    look(page, "portal-institution")

    with page.expect_download() as download_info:
        page.click("#reportes >> text=Descargar PDF firmado")
    download = download_info.value
    assert download.suggested_filename == "reporte-IGM-2024-C3-firmado.pdf"
    signed = tmp_path / download.suggested_filename
    download.save_as(signed)
    assert signed.read_bytes().startswith(b"%PDF-")

    page.click("#reportes >> text=Verificar firma")
    page.wait_for_url("**/reportes/2024/3/verificacion/")
    assert page.locator("#verdict h2").inner_text() == "Firma válida"
    look(page, "portal-verification")

    page.click("text=suba su copia del PDF")
    page.set_input_files("#id_file", str(signed))
    page.click("button[type=submit]")
    assert page.locator("#verdict h2").inner_text() == "Firma válida"
    assert "Coincide con el documento publicado" in page.locator("#verdict").inner_text()

    page.goto(f"{live_server.url}/transparencia/IGM/ejecucion/2024/2/")
    assert page.locator("#execution-table caption").is_visible()
    look(page, "portal-execution")

    page.goto(f"{live_server.url}/transparencia/IGM/datos/")
    look(page, "portal-open-data")
    with page.expect_download() as download_info:
        page.click("#ds-ejecucion + p + p.downloads >> text=CSV")
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text(encoding="utf-8-sig"))))
    assert rows and {int(row["mes"]) for row in rows} == set(APPROVED_MONTHS)
