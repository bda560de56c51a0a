"""Every bad input is refused with its exact Spanish message, and nothing is written."""

import hashlib
import io
import zipfile

import pytest
from openpyxl import Workbook

from budget.models import Execution, ExecutionMonth, ExecutionUpload
from budget.services.uploads import execution_file_import
from tests.execution_files import COLUMNS, csv_bytes, xlsx_bytes
from tests.factories import ExecutionFactory

GOOD = ("CC-01", "S01", 2024, 3, 950, 118500.50, "")


def rejected(small_world, content, *, name="ejecucion.xlsx", user="officer") -> list[str]:
    """Import as the officer; assert nothing was written and the file was kept as rejected."""
    before = Execution.objects.count()
    upload, outcome = execution_file_import(
        content=content, name=name, user=getattr(small_world, user), institution=small_world.institution
    )
    assert Execution.objects.count() == before
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    assert upload.errors == outcome.errors
    return [error["message"] for error in outcome.errors]


def test_rejects_unknown_cost_centre(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD, ("CC-99", "S01", 2024, 3, 1, 1, "")])) == [
        "Fila 3, columna centro_costo: el centro de costo «CC-99» no existe en INP."
    ]


def test_rejects_unknown_subproduct(small_world):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S99", 2024, 3, 1, 1, ""), GOOD])) == [
        "Fila 2, columna subproducto: el subproducto «S99» no existe en el plan «POA 2024»."
    ]


def test_rejects_subproduct_the_cost_centre_does_not_produce(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD, ("CC-01", "S03", 2024, 3, 10, 100, "")])) == [
        "Fila 3, columna subproducto: el centro de costo «CC-01» no produce el subproducto «S03»."
    ]


def test_rejects_year_outside_the_plan(small_world):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2031, 3, 1, 1, "")])) == [
        "Fila 2, columna anio: el año 2031 está fuera de los planes de INP: ningún POA ni POM lo cubre."
    ]


@pytest.mark.parametrize("month", [0, 13, "marzo"])
def test_rejects_month_outside_1_to_12(small_world, month):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2024, month, 1, 1, "")])) == [
        f"Fila 2, columna mes: «{month}» no es un mes válido; use un número del 1 al 12."
    ]


def test_rejects_non_numeric_physical_units(small_world):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2024, 3, "mil", 1, "")])) == [
        "Fila 2, columna ejecucion_fisica: «mil» no es un número."
    ]


def test_rejects_negative_physical_units(small_world):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2024, 3, -3, 1, "")])) == [
        "Fila 2, columna ejecucion_fisica: «-3» es negativo; la ejecución física no puede ser negativa."
    ]


def test_rejects_fractional_physical_units(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD, GOOD[:1] + ("S02",) + GOOD[2:4] + (12.5, 10, "")])) == [
        "Fila 3, columna ejecucion_fisica: «12.5» no es un número entero de unidades."
    ]


def test_rejects_money_with_more_than_two_decimals(small_world):
    assert rejected(
        small_world, csv_bytes([("CC-01", "S01", "2024", "3", "5", "100.125", "")]), name="e.csv"
    ) == [
        "Fila 2, columna ejecucion_financiera: «100.125» tiene más de dos decimales; "
        "los quetzales llevan como máximo dos."
    ]


def test_rejects_negative_money(small_world):
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2024, 3, 5, -10, "")])) == [
        "Fila 2, columna ejecucion_financiera: «-10» es negativo; "
        "la ejecución financiera no puede ser negativa."
    ]


def test_rejects_duplicated_rows(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD, ("CC-01", "S02", 2024, 3, 1, 1, ""), GOOD])) == [
        "Fila 4, columna subproducto: fila duplicada: el subproducto «S01» del centro de costo «CC-01» "
        "para marzo 2024 ya aparece en la fila 2."
    ]


def test_rejects_missing_header(small_world):
    headers = ("centro_costo", "subproducto", "anio", "mes", "ejecucion_fisica", "observaciones")
    assert rejected(small_world, xlsx_bytes([GOOD[:5] + ("",)], headers=headers)) == [
        "Faltan columnas: ejecucion_financiera. Los encabezados deben ser, en este orden: centro_costo, "
        "subproducto, anio, mes, ejecucion_fisica, ejecucion_financiera, observaciones."
    ]


def test_rejects_reordered_headers(small_world):
    headers = (
        "centro_costo",
        "subproducto",
        "mes",
        "anio",
        "ejecucion_fisica",
        "ejecucion_financiera",
        "observaciones",
    )
    assert rejected(
        small_world, csv_bytes([("CC-01", "S01", "3", "2024", "1", "1", "")], headers=headers), name="e.csv"
    ) == [
        "Las columnas están en otro orden: en la columna 3 se esperaba «anio» y se encontró «mes». Los "
        "encabezados deben ser, en este orden: centro_costo, subproducto, anio, mes, ejecucion_fisica, "
        "ejecucion_financiera, observaciones."
    ]


def test_rejects_empty_file(small_world):
    assert rejected(small_world, b"", name="vacio.csv") == ["El archivo está vacío (0 bytes)."]


def test_rejects_file_with_headers_but_no_rows(small_world):
    assert rejected(small_world, xlsx_bytes([])) == [
        "El archivo no contiene datos de ejecución: todas las filas están vacías."
    ]


def test_rejects_cells_with_formulas(small_world):
    # openpyxl writes the formula without the value Excel or LibreOffice would have computed.
    assert rejected(small_world, xlsx_bytes([("CC-01", "S01", 2024, 3, "=10*2", 100, "")])) == [
        "Fila 2, columna ejecucion_fisica: la celda contiene la fórmula «=10*2» sin su valor calculado; "
        "abra y guarde el archivo en Excel o LibreOffice, o escriba el valor."
    ]


def test_rejects_protected_sheet(small_world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ejecución"
    sheet.append(list(COLUMNS))
    sheet.append(list(GOOD))
    sheet.protection.sheet = True
    sheet.protection.password = "secreta"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert rejected(small_world, buffer.getvalue()) == [
        "El libro o la hoja «Ejecución» está protegido; quite la protección e intente de nuevo."
    ]


def test_rejects_password_encrypted_workbook(small_world):
    # Excel saves a password-protected workbook as an OLE compound document, not a zip.
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    assert rejected(small_world, content) == [
        "El libro está protegido con contraseña; guárdelo sin contraseña e intente de nuevo."
    ]


def test_rejects_corrupt_workbook(small_world):
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<no es un libro")
    assert rejected(small_world, damaged.getvalue()) == [
        "El archivo no se puede leer como libro de Excel (XLSX): está dañado o no es un XLSX."
    ]


def test_rejects_truncated_workbook(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD])[:900]) == [
        "El archivo no se puede leer como libro de Excel (XLSX): está dañado o no es un XLSX."
    ]


def test_rejects_a_locked_period(small_world):
    lock = small_world.lock_period()
    expected_date = lock.locked_at.astimezone().strftime("%d/%m/%Y")
    assert rejected(small_world, xlsx_bytes([GOOD])) == [
        "Fila 2, columna mes: El cuatrimestre ene–abr 2024 fue bloqueado el "
        f"{expected_date} por {small_world.planner} (informe firmado). "
        "Solo planificación puede desbloquearlo, dejando constancia del motivo."
    ]


def test_rejects_cost_centre_the_officer_is_not_assigned_to(small_world):
    assert rejected(small_world, xlsx_bytes([GOOD, ("CC-02", "S03", 2024, 3, 1, 1, "")])) == [
        "Fila 3, columna centro_costo: usted no está asignado al centro de costo «CC-02»; solo puede "
        "reportar los suyos."
    ]


def test_rejects_a_month_already_submitted(small_world):
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    state = ExecutionMonth.objects.create(
        cost_centre=small_world.central,
        year=2024,
        month=3,
        status=ExecutionMonth.Status.SUBMITTED,
        changed_by=small_world.officer,
    )
    messages = rejected(small_world, xlsx_bytes([GOOD]))
    assert messages == [
        "Fila 2, columna mes: el mes marzo 2024 del centro de costo «CC-01» fue enviado a revisión el "
        f"{state.changed_at.astimezone().strftime('%d/%m/%Y')} por {small_world.officer}; no admite cambios "
        "mientras planificación lo revisa."
    ]


def test_collects_every_error_of_the_file(small_world):
    messages = rejected(
        small_world,
        xlsx_bytes([("CC-99", "S01", 2024, 3, 1.5, 1, ""), GOOD, ("CC-01", "S02", 2024, 14, 1, "1,5", "")]),
    )
    assert messages == [
        "Fila 2, columna centro_costo: el centro de costo «CC-99» no existe en INP.",
        "Fila 2, columna ejecucion_fisica: «1.5» no es un número entero de unidades.",
        "Fila 4, columna mes: «14» no es un mes válido; use un número del 1 al 12.",
        "Fila 4, columna ejecucion_financiera: «1,5» no es un monto en quetzales.",
    ]


def test_rejected_upload_keeps_the_original_file_and_its_digest(small_world):
    content = xlsx_bytes([("CC-99", "S01", 2024, 3, 1, 1, "")])
    rejected(small_world, content)
    upload = ExecutionUpload.objects.get()
    assert upload.uploaded_by == small_world.officer
    assert upload.size == len(content)
    assert upload.sha256 == hashlib.sha256(content).hexdigest()
    with upload.file.open("rb") as handle:
        assert handle.read() == content
