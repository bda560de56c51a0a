"""What the officer's execution pages say and link to: every menu link opens, refusals are in
Spanish with their reason, and upload mistakes are explained in words."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from budget.models import ExecutionUpload
from budget.services.months import execution_month_submit
from tests.factories import ExecutionFactory, UserFactory


def nav_links(client) -> list[str]:
    page = client.get("/ejecucion/").content.decode()
    nav = page.split('<nav class="mainnav"', 1)[1].split("</nav>", 1)[0]
    return [part.split('"', 1)[0] for part in nav.split('href="')[1:]]


def test_every_menu_link_opens_for_an_officer(small_world, client):
    client.force_login(small_world.officer)
    links = nav_links(client)
    assert "/ejecucion/" in links and "/seguimiento/tablero/" in links
    for refused in ("/planificacion/", "/indicadores/", "/reportes/"):
        assert refused not in links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_readers_keep_the_planning_indicator_and_report_links(small_world, client):
    client.force_login(small_world.auditor)
    links = set(nav_links(client))
    assert {"/planificacion/", "/indicadores/", "/seguimiento/tablero/", "/reportes/"} <= links


def test_a_refused_page_says_why_in_spanish(small_world, client):
    client.force_login(small_world.officer)
    response = client.get("/planificacion/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Acceso no permitido" in page and "Su rol no permite consultar los planes." in page
    assert "Forbidden" not in page


def test_a_missing_page_is_explained_in_spanish(small_world, client):
    client.force_login(small_world.officer)
    response = client.get(f"/ejecucion/centro/{small_world.xela.pk}/2024/3/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


def test_segeplan_is_not_offered_the_institution_dashboard_it_cannot_open(db, client):
    segeplan = UserFactory(username="segeplan-qa", role=Role.SEGEPLAN, institution=None)
    client.force_login(segeplan)
    assert "/ejecucion/tablero/" not in client.get("/ejecucion/").content.decode()
    assert client.get("/ejecucion/tablero/").status_code == 403


def test_planning_staff_are_offered_the_dashboard(small_world, client):
    client.force_login(small_world.planner)
    assert "/ejecucion/tablero/" in client.get("/ejecucion/").content.decode()


def test_opening_the_upload_address_goes_back_to_the_upload_form(small_world, client):
    """After logging in again mid-upload, ?next= sends a GET here; it must not be a blank 405."""
    client.force_login(small_world.officer)
    response = client.get("/ejecucion/cargas/nueva/")
    assert response.status_code == 302 and response.url == "/ejecucion/"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Elija el archivo XLSX o CSV de ejecución antes de subirlo."),
        (
            {"file": SimpleUploadedFile("marzo.csv", b"")},
            "El archivo está vacío; descargue la plantilla de su centro de costo y llénela.",
        ),
    ],
    ids=["no-file", "empty-file"],
)
def test_an_upload_without_content_is_explained_and_nothing_is_kept(small_world, client, data, message):
    client.force_login(small_world.officer)
    response = client.post("/ejecucion/cargas/nueva/", data, follow=True)
    assert message in response.content.decode()
    assert not ExecutionUpload.objects.exists()


def test_a_locked_month_offers_no_entry_form_nor_upload(small_world, client):
    small_world.lock_period()
    client.force_login(small_world.officer)
    month = client.get(f"/ejecucion/centro/{small_world.central.pk}/2024/3/").content.decode()
    assert "Capturar en formulario" not in month and "Subir y revisar" not in month
    entry = client.get(f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/").content.decode()
    assert 'name="physical_1"' in entry and "disabled" in entry and ">Guardar<" not in entry


def test_a_submitted_month_says_it_waits_for_planning(small_world, client):
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    execution_month_submit(cost_centre=small_world.central, year=2024, month=3, user=small_world.officer)
    client.force_login(small_world.officer)
    entry = client.get(f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/").content.decode()
    assert "Este mes fue enviado; no admite cambios mientras planificación no lo devuelva." in entry
    assert ">Guardar<" not in entry


def test_an_open_month_offers_the_entry_form_and_upload(small_world, client):
    client.force_login(small_world.officer)
    month = client.get(f"/ejecucion/centro/{small_world.central.pk}/2024/3/").content.decode()
    assert "Capturar en formulario" in month and "Subir y revisar" in month
    entry = client.get(f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/").content.decode()
    assert ">Guardar<" in entry and "disabled" not in entry


def test_uploads_are_paged_fifty_at_a_time_newest_first(small_world, client):
    ExecutionUpload.objects.bulk_create(
        ExecutionUpload(
            institution=small_world.officer.institution,
            original_name=f"carga-{number:03d}.csv",
            sha256=f"{number:064d}",
            size=10,
            uploaded_by=small_world.officer,
            outcome=ExecutionUpload.Outcome.REJECTED,
        )
        for number in range(120)
    )
    client.force_login(small_world.officer)
    first = client.get("/ejecucion/cargas/").content.decode()
    last = client.get("/ejecucion/cargas/", {"pagina": 3}).content.decode()
    assert first.count("carga-") == 50 and last.count("carga-") == 20
    assert "carga-119.csv" in first and "carga-000.csv" in last
    assert "Página 1 de 3" in first and 'href="?pagina=2"' in first


def test_a_rejected_upload_links_back_to_the_upload_form(small_world, client):
    client.force_login(small_world.officer)
    client.post("/ejecucion/cargas/nueva/", {"file": SimpleUploadedFile("mal.csv", b"x,y\n1,2\n")})
    upload = ExecutionUpload.objects.get(original_name="mal.csv")
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    page = client.get(f"/ejecucion/cargas/{upload.pk}/").content.decode()
    assert 'href="/ejecucion/#cargar"' in page
    assert 'id="cargar"' in client.get("/ejecucion/").content.decode()
