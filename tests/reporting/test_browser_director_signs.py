"""Real browser: the director logs in, opens the period, approves, signs, watches the progress bar,
downloads the signed PDF, and the signature verifies."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from accounts.models import Role
from reporting.services.workflow import period_report_submit
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_director_approves_signs_and_downloads_a_valid_pdf(
    live_server, page, igm, igm_user, explained, tmp_path
):
    lead = igm_user(Role.PLANNING_LEAD)
    period_report_submit(institution=igm, year=2024, period=3, user=lead, addressee_name="Licenciado Carlos")
    UserFactory(username="dg", role=Role.DIRECTOR, institution=igm)

    page.goto(f"{live_server.url}/reportes/")
    page.fill("#id_username", "dg")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.select_option("select[name=anio]", "2024")
    page.click("text=Ver")
    page.click("tr[data-period='3'] >> text=Abrir")
    assert page.locator("#report-status").inner_text() == "Enviado para aprobación"
    frame = page.frame_locator("iframe.document-frame")
    assert frame.get_by_text("Firma y sello de la máxima autoridad").is_visible()

    # Approving numbers the letter: the director is told which number and confirms; cancelling keeps it.
    page.click("#approve")
    dialog = page.locator("#confirm-approve")
    assert dialog.is_visible()
    assert "OFICIO-IGM-DG-001-" in dialog.inner_text() and "no se puede deshacer" in dialog.inner_text()
    if os.environ.get("IGM_SCREENSHOT_DIR"):
        page.screenshot(path=os.path.join(os.environ["IGM_SCREENSHOT_DIR"], "confirm-approve.png"))
    page.click("#confirm-approve-no")
    assert not dialog.is_visible()
    assert page.locator("#report-status").inner_text() == "Enviado para aprobación"
    page.click("#approve")
    page.click("#confirm-approve-yes")
    page.wait_for_selector("#report-status:has-text('Aprobado')")
    assert "OFICIO-IGM-DG-001-" in page.locator(".workflow").inner_text()

    page.click("#sign")
    sign_dialog = page.locator("#confirm-sign")
    assert sign_dialog.is_visible()
    assert (
        "Lic. Alfredo Danilo Rivera" in sign_dialog.inner_text()
        and "no se puede modificar" in sign_dialog.inner_text()
    )
    page.click("#confirm-sign-yes")
    page.wait_for_url("**/reportes/trabajos/*/")
    page.wait_for_selector("#job-download", state="visible", timeout=60_000)
    assert page.locator("#job-progress").get_attribute("value") == "100"
    assert page.locator("#job-status").inner_text() == "Listo"
    assert page.locator("#job-stage").inner_text() == ""
    assert "Firmando" in page.locator(".stages").inner_text()
    with page.expect_download() as download_info:
        page.click("#job-download")
    download = download_info.value
    assert download.suggested_filename == "siplan-IGM-2024-c3-firmado.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    # The command anyone can run (and outside Playwright's event loop, which pyHanko's sync API needs).
    env = {
        **os.environ,
        "IGM_SIGNING_P12": settings.IGM_SIGNING_P12,
        "IGM_SIGNING_P12_PASSWORD": settings.IGM_SIGNING_P12_PASSWORD,
    }
    verified = subprocess.run(
        [sys.executable, "manage.py", "verify_signature", str(path)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    assert (
        "Firma válida." in verified.stdout and "Lic. Alfredo Danilo Rivera (demostración)" in verified.stdout
    )

    page.goto(f"{live_server.url}/reportes/IGM/2024/3/")
    assert page.locator("#report-status").inner_text() == "Firmado"
