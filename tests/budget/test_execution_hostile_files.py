"""Hostile files are cheap to refuse, on the upload page and in import_execution alike: zip bombs
before parsing, files over the row limit, and files of bad rows whose errors are capped at 200 with
the count of the rest. Nothing is written to the execution table. (Time and memory: benchmarks/.)"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from budget.models import Execution, ExecutionUpload
from budget.services.uploads import execution_file_import
from tests.common.workbooks import zip_bomb
from tests.execution_files import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.usefixtures("media")

MiB = 1024 * 1024
BOMB_DECLARED = (
    "El libro ocupa 64.0 MB al descomprimirlo; el máximo admitido es 4.0 MB. Quite hojas, imágenes o "
    "filas que no use, o divídalo en varios archivos."
)
# A bomb that declares a small size is refused as soon as it inflates past it: the archive lies.
BOMB_LYING = "El archivo no se puede leer como libro de Excel (XLSX): está dañado o no es un XLSX."


@pytest.fixture
def small_limits(settings):
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 4 * MiB


def nothing_applied(small_world) -> bool:
    return not Execution.objects.filter(cost_centre=small_world.central).exists()


def test_the_upload_page_refuses_a_zip_bomb_before_parsing_it(small_world, client, small_limits):
    client.force_login(small_world.officer)
    bomb = zip_bomb(64 * MiB)
    response = client.post(
        "/ejecucion/cargas/nueva/", {"file": SimpleUploadedFile("marzo.xlsx", bomb)}, follow=True
    )
    upload = ExecutionUpload.objects.get(institution=small_world.institution)
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    assert [error["message"] for error in upload.errors] == [BOMB_DECLARED]
    assert BOMB_DECLARED in response.content.decode()
    assert nothing_applied(small_world)


@pytest.mark.parametrize(("declared", "message"), [(None, BOMB_DECLARED), (1000, BOMB_LYING)])
def test_import_execution_refuses_a_zip_bomb_whatever_it_declares(
    small_world, tmp_path, capsys, small_limits, declared, message
):
    path = tmp_path / "marzo.xlsx"
    path.write_bytes(zip_bomb(64 * MiB, declared=declared))
    with pytest.raises(CommandError, match="El archivo tiene 1 errores; no se guardó nada."):
        call_command("import_execution", str(path), "--user", small_world.officer.username)
    assert message in capsys.readouterr().err
    assert nothing_applied(small_world)


@pytest.mark.parametrize(("name", "build"), [("marzo.xlsx", xlsx_bytes), ("marzo.csv", csv_bytes)])
def test_a_file_over_the_row_limit_is_refused(small_world, settings, name, build):
    settings.IGM_MAX_ROWS_PER_FILE = 10
    rows = [("CC-01", "S01", 2024, month, 1, 1, "") for month in range(1, 13)]
    upload, outcome = execution_file_import(
        content=build(rows), name=name, user=small_world.officer, institution=small_world.institution
    )
    expected = (
        "La hoja «Sheet» tiene 13 filas; el máximo por archivo es 10. Divida los datos en varios archivos."
        if name.endswith(".xlsx")
        else "El archivo tiene más de 10 filas, el máximo por archivo. Divídalo en varios."
    )
    assert [error["message"] for error in outcome.errors] == [expected]
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    assert nothing_applied(small_world)


def test_a_file_of_200000_bad_rows_keeps_200_messages_and_counts_the_rest(
    small_world, client, settings, tmp_path
):
    settings.IGM_MAX_ROWS_PER_FILE = 250_000
    lines = ["centro_costo,subproducto,anio,mes,ejecucion_fisica,ejecucion_financiera,observaciones"]
    lines += ["CC-99,S01,2024,3,1,1,"] * 200_000
    path = tmp_path / "malas.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(CommandError, match="El archivo tiene 200000 errores; no se guardó nada."):
        call_command("import_execution", str(path), "--user", small_world.officer.username)

    upload = ExecutionUpload.objects.get(institution=small_world.institution)
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    assert len(upload.errors) == 200
    assert (
        upload.errors[0]["message"]
        == "Fila 2, columna centro_costo: el centro de costo «CC-99» no existe en INP."
    )
    assert upload.errors[198]["row"] == 200
    assert upload.errors[-1]["message"] == (
        "… y 199,801 errores más que no se muestran. Corrija los anteriores y vuelva a cargar el archivo "
        "para ver el resto."
    )
    assert upload.summary["error_count"] == 200_000
    assert nothing_applied(small_world)
    client.force_login(small_world.officer)
    assert (
        "El archivo tiene 200,000 errores; no se guardó nada"
        in client.get(f"/ejecucion/cargas/{upload.pk}/").content.decode()
    )
