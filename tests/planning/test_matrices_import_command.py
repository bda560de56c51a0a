"""``import_plan`` and ``export_plan``: exit codes, Spanish reasons, all or nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from planning.models import Goal, Plan


def _export(plan, tmp_path, name="matrices.xlsx"):
    path = tmp_path / name
    call_command("export_plan", plan.pk, str(path), stdout=io.StringIO())
    return path


def test_export_then_import_replaces_the_plan_and_reports_findings(small_world, tmp_path):
    # Its indicator sheet is not part of the matrices and would keep the plan from being replaced.
    small_world.pom.indicator_sheets.all().delete()
    path = _export(small_world.pom, tmp_path)
    out = io.StringIO()
    call_command("import_plan", str(path), "--reemplazar", stdout=out)
    plan = Plan.objects.get(institution__code="INP", kind=Plan.Kind.POM, start_year=2026)
    assert plan.pk != small_world.pom.pk
    assert f"Plan «POM 2026-2030» importado (id {plan.pk})." in out.getvalue()
    # The 9.5 total row declares Q 4.00 for 2026: the importer keeps it and reports it.
    assert "Matriz 9.5, fila Total, 2026" in out.getvalue()


def test_existing_plan_is_kept_without_reemplazar(small_world, tmp_path):
    path = _export(small_world.pom, tmp_path)
    with pytest.raises(CommandError, match="Ya existe el plan «POM 2026-2030» de INP; use --reemplazar"):
        call_command("import_plan", str(path))
    assert Plan.objects.filter(pk=small_world.pom.pk).exists()


def test_every_bad_cell_is_reported_and_nothing_is_written(small_world, tmp_path):
    path = _export(small_world.pom, tmp_path)
    workbook = load_workbook(path)
    workbook["9.5 Metas"]["F6"] = "mil"
    workbook["9.5 Metas"]["E7"] = -5
    workbook["9.3 Categorías"]["F4"] = "1"
    workbook.save(path)
    with pytest.raises(CommandError) as error:
        call_command("import_plan", str(path), "--reemplazar")
    message = str(error.value)
    assert "Hoja «9.5 Metas», celda F6: «mil» no es un número." in message
    assert "Hoja «9.5 Metas», celda E7: no puede ser negativo." in message
    assert "Hoja «9.3 Categorías», celda F4: se esperaban 2 dígitos." in message
    assert Plan.objects.get(pk=small_world.pom.pk).products.count() == 2
    # S1 and S2 every year of 2026-2030, S3 in 2026 and 2027.
    assert Goal.objects.filter(subproduct__product__plan=small_world.pom).count() == 5 + 5 + 2


def test_missing_sheet_is_named(small_world, tmp_path):
    path = _export(small_world.pom, tmp_path)
    workbook = load_workbook(path)
    del workbook["8 Presupuesto"]
    workbook.save(path)
    with pytest.raises(CommandError, match="Falta la hoja «8 Presupuesto»"):
        call_command("import_plan", str(path))


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, db):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"esto no es un libro")
    with pytest.raises(CommandError, match="no es un libro XLSX legible"):
        call_command("import_plan", str(path))


def test_missing_file_and_wrong_extension_are_refused(tmp_path, db):
    with pytest.raises(CommandError, match="No existe el archivo"):
        call_command("import_plan", str(tmp_path / "nada.xlsx"))
    other = tmp_path / "plan.csv"
    other.write_text("a,b")
    with pytest.raises(CommandError, match="Se espera un libro .xlsx"):
        call_command("import_plan", str(other))


def test_export_refuses_unknown_plan_and_extension(tmp_path, db):
    with pytest.raises(CommandError, match="No existe el plan 999999"):
        call_command("export_plan", 999999, str(tmp_path / "a.xlsx"))
    with pytest.raises(CommandError, match="debe terminar en .xlsx o .pdf"):
        call_command("export_plan", 1, str(tmp_path / "a.docx"))


def test_repeated_product_code_and_non_numbers_are_refused(small_world, tmp_path):
    path = _export(small_world.pom, tmp_path)
    workbook = load_workbook(path)
    results = workbook["9.2 Resultados"]
    second_product = next(row for row in range(4, results.max_row + 1) if results.cell(row, 8).value == "P2")
    results.cell(second_product, 8).value = "P1"
    workbook["9.5 Metas"]["F6"] = "nan"
    workbook.save(path)
    with pytest.raises(CommandError) as error:
        call_command("import_plan", str(path), "--reemplazar")
    assert f"celda H{second_product}: el código de producto P1 está repetido." in str(error.value)
    assert "celda F6: «nan» no es un número." in str(error.value)
