"""export_execution_template and import_execution: files, refusals on stderr, exit codes."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from budget.models import Execution
from tests.execution_files import HEADER_LINE, csv_bytes


def test_exports_one_cost_centre_and_all_cost_centres(small_world, tmp_path):
    one, every = tmp_path / "cc01.xlsx", tmp_path / "todos.csv"
    call_command(
        "export_execution_template",
        "--cost-centre",
        "CC-01",
        "--year",
        "2024",
        "--month",
        "3",
        "--output",
        str(one),
        "--institution",
        "INP",
    )
    call_command(
        "export_execution_template",
        "--all",
        "--year",
        "2024",
        "--month",
        "3",
        "--output",
        str(every),
        "--institution",
        "INP",
    )
    sheet = load_workbook(one)["Ejecución"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("CC-01", "S01", 2024, 3) and len(rows) == 3
    # Goals are numbers shown as units and quetzales; the columns to fill in are formatted alike.
    assert (sheet["K2"].value, sheet["K2"].number_format) == (12000, "#,##0")
    assert (sheet["L2"].value, sheet["L2"].number_format) == (1500000, "#,##0.00")
    assert [sheet[f"{column}3"].number_format for column in "EF"] == ["#,##0", "#,##0.00"]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    lines = every.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith(HEADER_LINE + ",")
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["CC-01", "S01"],
        ["CC-01", "S02"],
        ["CC-02", "S01"],
        ["CC-02", "S03"],
        ["CC-02", "S04"],
        ["CC-03", "S03"],
    ]


def test_import_dry_run_writes_nothing_and_real_run_writes(small_world, tmp_path, capsys):
    path = tmp_path / "marzo.csv"
    path.write_bytes(csv_bytes([("CC-01", "S01", "2024", "3", "5", "10.00", "")]))
    before = Execution.objects.count()
    call_command("import_execution", str(path), "--user", small_world.officer.username, "--dry-run")
    assert "Se crearían: 1 filas nuevas" in capsys.readouterr().out
    assert Execution.objects.count() == before
    call_command("import_execution", str(path), "--user", small_world.officer.username)
    assert Execution.objects.count() == before + 1


def test_import_with_errors_fails_and_lists_them(small_world, tmp_path, capsys):
    path = tmp_path / "marzo.csv"
    path.write_bytes(csv_bytes([("CC-02", "S01", "2024", "3", "5", "10.00", "")]))
    with pytest.raises(CommandError, match="El archivo tiene 1 errores; no se guardó nada."):
        call_command("import_execution", str(path), "--user", small_world.officer.username)
    assert (
        "Fila 2, columna centro_costo: usted no está asignado al centro de costo «CC-02»"
        in capsys.readouterr().err
    )


def test_director_may_not_import(small_world, tmp_path):
    path = tmp_path / "marzo.csv"
    path.write_bytes(csv_bytes([("CC-01", "S01", "2024", "3", "5", "10.00", "")]))
    with pytest.raises(CommandError, match="Su rol no permite cargar ni capturar ejecución mensual."):
        call_command("import_execution", str(path), "--user", small_world.director.username)
