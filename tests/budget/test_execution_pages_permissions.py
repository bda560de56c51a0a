"""Officers see and write only their own cost centres; planning and auditors see all; the
original files go back to planning staff, auditors and the uploader only."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from budget.models import Execution, ExecutionUpload
from budget.services.months import execution_month_return, execution_month_submit
from budget.services.uploads import execution_file_import
from tests.execution_files import xlsx_bytes
from tests.factories import ExecutionFactory


def month_url(centre, month=3):
    return f"/ejecucion/centro/{centre.pk}/2024/{month}/"


def test_officer_home_lists_only_own_cost_centres(small_world, client):
    client.force_login(small_world.officer)
    page = client.get("/ejecucion/?anio=2024").content.decode()
    assert "CC-01 Oficinas centrales" in page and "CC-02" not in page


def test_officer_cannot_open_nor_fill_another_cost_centre(small_world, client):
    client.force_login(small_world.officer)
    assert client.get(month_url(small_world.xela)).status_code == 404
    assert client.get(month_url(small_world.xela) + "capturar/").status_code == 404
    assert client.get(month_url(small_world.xela) + "plantilla.xlsx").status_code == 404


def test_auditor_reads_every_cost_centre_but_cannot_write(small_world, client):
    client.force_login(small_world.auditor)
    assert client.get(month_url(small_world.xela)).status_code == 200
    assert client.get(month_url(small_world.xela) + "capturar/").status_code == 403
    assert client.post("/ejecucion/cargas/nueva/", {}).status_code == 403


def test_returned_comment_is_shown_on_the_officers_home(small_world, client):
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    execution_month_submit(cost_centre=small_world.central, year=2024, month=3, user=small_world.officer)
    execution_month_return(
        cost_centre=small_world.central, year=2024, month=3, user=small_world.planner, comment="Revise visas."
    )
    client.force_login(small_world.officer)
    assert (
        "devuelto para revisión:</strong> Revise visas."
        in client.get("/ejecucion/?anio=2024").content.decode()
    )


def test_original_file_downloads_for_planning_auditor_and_uploader_only(small_world, client):
    content = xlsx_bytes([("CC-01", "S01", 2024, 3, 1, 1, "")])
    upload, _outcome = execution_file_import(
        content=content, name="marzo.xlsx", user=small_world.officer, institution=small_world.institution
    )
    url = f"/ejecucion/cargas/{upload.pk}/archivo/"
    for user in (small_world.planner, small_world.auditor, small_world.officer):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == content
    client.force_login(small_world.director)
    assert client.get(url).status_code == 403
    client.force_login(small_world.xela_officer)
    assert client.get(url).status_code == 404


def test_planning_dashboard_lists_cost_centres_that_have_not_reported(small_world, client):
    # Quetzaltenango has not reported March nor April; Oficinas centrales reports March only.
    Execution.objects.filter(cost_centre=small_world.xela, month__in=[3, 4]).delete()
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    client.force_login(small_world.planner)
    response = client.get("/ejecucion/tablero/?anio=2024")
    march = [row for row in response.context["missing"] if row["month"] == 3][0]
    april = [row for row in response.context["missing"] if row["month"] == 4][0]
    assert [centre.code for centre in march["cost_centres"]] == ["CC-02"]
    assert [centre.code for centre in april["cost_centres"]] == ["CC-01", "CC-02"]
    client.force_login(small_world.officer)
    assert client.get("/ejecucion/tablero/").status_code == 403


def test_web_upload_previews_then_confirms(small_world, client):
    client.force_login(small_world.officer)
    file = xlsx_bytes([("CC-01", "S01", 2024, 3, 5, "5.50", "")])
    response = client.post("/ejecucion/cargas/nueva/", {"file": SimpleUploadedFile("marzo.xlsx", file)})
    upload = ExecutionUpload.objects.get()
    assert response.url == f"/ejecucion/cargas/{upload.pk}/"
    assert "Vista previa: esto se hará al confirmar" in client.get(response.url).content.decode()
    client.post(f"/ejecucion/cargas/{upload.pk}/confirmar/")
    upload.refresh_from_db()
    assert upload.outcome == ExecutionUpload.Outcome.APPLIED


def test_upload_of_another_type_is_refused_before_storing(small_world, client):
    client.force_login(small_world.officer)
    client.post("/ejecucion/cargas/nueva/", {"file": SimpleUploadedFile("informe.pdf", b"%PDF-1.7")})
    assert ExecutionUpload.objects.count() == 0


def test_entry_form_saves_with_the_file_rules(small_world, client):
    client.force_login(small_world.officer)
    url = month_url(small_world.central) + "capturar/"
    response = client.post(
        url, {"physical_1": "12.5", "financial_1": "10", "physical_2": "", "financial_2": ""}
    )
    page = response.content.decode()
    first = small_world.central.subproducts.order_by("code").first()  # the grid lists them by code
    assert f"Fila 1 ({first.code}), Ejecución física: «12.5» no es un número entero de unidades." in page
    # The cell itself is marked, with its message beside it.
    assert 'aria-invalid="true" title="«12.5» no es un número entero de unidades."' in page
    assert "columna ejecucion_fisica" not in page
    response = client.post(
        url, {"physical_1": "12", "financial_1": "10.25", "physical_2": "", "financial_2": ""}
    )
    assert response.status_code == 302
    assert small_world.central.executions.get().financial == Decimal("10.25")
