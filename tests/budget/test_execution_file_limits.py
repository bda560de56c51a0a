"""The upload page and import_execution refuse the same files, by the same rule, before writing."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from budget.models import Execution, ExecutionUpload
from tests.execution_files import csv_bytes

ROW = ("CC-01", "S01", "2024", "3", "5", "10.00", "")
SIZE_REFUSAL = "El archivo «marzo.csv» pesa {size} bytes; el máximo es 100 bytes."


@pytest.fixture
def big_csv(tmp_path):
    path = tmp_path / "marzo.csv"
    path.write_bytes(csv_bytes([ROW] * 3))
    return path


def nothing_written(small_world, media) -> bool:
    """No upload record, no execution row besides the small world's own and no stored file."""
    stored = [path for path in media.rglob("*") if path.is_file()] if media.exists() else []
    executions = Execution.objects.filter(cost_centre__institution=small_world.institution)
    return not (
        ExecutionUpload.objects.filter(institution=small_world.institution).exists()
        or executions.count() != len(small_world.executions)
        or stored
    )


def test_import_refuses_a_file_over_the_limit_and_writes_nothing(small_world, media, settings, big_csv):
    settings.IGM_MAX_UPLOAD_BYTES = 100
    size = big_csv.stat().st_size
    assert size > 100

    with pytest.raises(CommandError) as refused:
        call_command("import_execution", str(big_csv), "--user", small_world.officer.username)

    assert str(refused.value) == SIZE_REFUSAL.format(size=size)
    assert nothing_written(small_world, media)


def test_import_refuses_a_file_that_is_not_xlsx_nor_csv_and_writes_nothing(small_world, media, tmp_path):
    path = tmp_path / "informe.pdf"
    path.write_bytes(b"%PDF-1.7")

    with pytest.raises(CommandError, match="El archivo «informe.pdf» no es XLSX ni CSV"):
        call_command("import_execution", str(path), "--user", small_world.officer.username)

    assert nothing_written(small_world, media)


def test_a_file_exactly_at_the_limit_is_imported(small_world, media, settings, tmp_path):
    path = tmp_path / "marzo.csv"
    path.write_bytes(csv_bytes([ROW]))
    settings.IGM_MAX_UPLOAD_BYTES = path.stat().st_size

    call_command("import_execution", str(path), "--user", small_world.officer.username)

    assert Execution.objects.filter(year=2024, month=3, subproduct=small_world.passports).count() == 1


def test_the_upload_page_gives_the_same_refusal(small_world, media, settings, client, big_csv):
    settings.IGM_MAX_UPLOAD_BYTES = 100
    client.force_login(small_world.officer)

    response = client.post(
        "/ejecucion/cargas/nueva/",
        {"file": SimpleUploadedFile("marzo.csv", big_csv.read_bytes())},
        follow=True,
    )

    assert SIZE_REFUSAL.format(size=big_csv.stat().st_size) in response.content.decode()
    assert nothing_written(small_world, media)


def test_the_command_exits_non_zero_with_the_reason_on_stderr(big_csv):
    env = {**os.environ, "IGM_MAX_UPLOAD_BYTES": "100"}
    done = subprocess.run(
        [sys.executable, "manage.py", "import_execution", str(big_csv), "--institution", "IGM"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode != 0
    assert SIZE_REFUSAL.format(size=big_csv.stat().st_size) in done.stderr
