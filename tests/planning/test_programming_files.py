"""The programming file: export → import → export gives the same content; a bad row is refused with
its row and column and nothing is written."""

import io
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from planning.models import MonthlyProgramming
from planning.services.programming_import import programming_file_import
from tests.cast.cycle import poa_2026_with_s1_spread
from tests.common.workbooks import with_computed_values, workbook_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def poa():
    return poa_2026_with_s1_spread()


def export(path) -> None:
    call_command(
        "export_programming",
        "--institution",
        "CIC",
        "--year",
        "2026",
        "--output",
        str(path),
        stdout=StringIO(),
    )


def cells(content: bytes) -> tuple[str, list[tuple]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_export_import_export_is_identical(poa, tmp_path):
    first, second = tmp_path / "uno.xlsx", tmp_path / "dos.xlsx"
    export(first)
    title, rows = cells(first.read_bytes())
    assert title == "Programación CIC 2026"
    assert rows[0][:5] == ("subproducto", "nombre", "medida", "meta_anual", "enero")
    assert rows[1] == ("S1", "Documento tipo 1", "Física", 1200, *[100] * 12)
    assert rows[2][:4] == ("S1", "Documento tipo 1", "Financiera", 1000) and rows[2][-1] == 83.37
    assert rows[3] == ("S2", "Documento tipo 2", "Física", 1200, *[None] * 12)  # not programmed yet
    # Program S2 in the file, import it, export again: the same cells.
    workbook = load_workbook(first)
    sheet = workbook.worksheets[0]
    for column in range(5, 17):
        sheet.cell(row=4, column=column, value=100)
        sheet.cell(row=5, column=column, value=Decimal("0.00") if column < 16 else Decimal("1000.00"))
    workbook.save(first)
    out = StringIO()
    call_command("import_programming", str(first), "--user", "cic-planner", stdout=out)
    assert "Cambiados: 24 meses" in out.getvalue()
    export(second)
    assert cells(second.read_bytes()) == cells(first.read_bytes())
    # And importing the unchanged export changes nothing.
    out = StringIO()
    call_command("import_programming", str(second), "--user", "cic-planner", stdout=out)
    assert "Cambiados: 0 meses" in out.getvalue()


def bad_file(poa) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Programación CIC 2026"
    sheet.append(["subproducto", "nombre", "medida", "meta_anual", *MONTHS])
    sheet.append(["S1", "x", "Financiera", 1000, *[83.33] * 11, 83.36])  # Q 999.99: off by Q 0.01
    sheet.append(["S1", "x", "Física", 1200, -100, *[100] * 10, 300])  # a negative month
    sheet.append(["S2", "x", "Física", 1200, *[100] * 11, 99.5])  # a fractional physical figure
    sheet.append(["S9", "x", "Física", 10, *[1] * 12])  # unknown subproduct
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"]
MONTHS += ["septiembre", "octubre", "noviembre", "diciembre"]


def test_bad_rows_are_refused_with_row_and_column_and_nothing_is_written(poa):
    before = list(MonthlyProgramming.objects.order_by("id").values_list("id", "value"))
    outcome = programming_file_import(content=bad_file(poa), name="mala.xlsx", user=None)
    places = [(error["row"], error["column"]) for error in outcome.errors]
    assert places == [(2, "meta_anual"), (3, "enero"), (4, "diciembre"), (5, "subproducto")]
    assert outcome.errors[0]["message"] == (
        "La programación financiera de «Documento tipo 1» suma Q 999.99 y la meta vigente es Q 1,000.00: "
        "diferencia Q -0.01."
    )
    assert "mes negativo" in outcome.errors[1]["message"]
    assert "unidades enteras" in outcome.errors[2]["message"]
    assert "«S9» no está en este POA" in outcome.errors[3]["message"]
    assert list(MonthlyProgramming.objects.order_by("id").values_list("id", "value")) == before


def test_command_lists_the_errors_and_exits_non_zero(poa, tmp_path):
    path = tmp_path / "mala.xlsx"
    path.write_bytes(bad_file(poa))
    err = StringIO()
    with pytest.raises(CommandError, match="tiene 4 errores; no se guardó nada"):
        call_command("import_programming", str(path), stderr=err)
    assert "fila 2, columna meta_anual: La programación financiera" in err.getvalue()


def test_files_that_are_not_plain_xlsx_are_refused(poa, settings):
    not_xlsx = programming_file_import(content=b"a,b\n", name="p.csv", user=None)
    assert "no es XLSX" in not_xlsx.errors[0]["message"]
    damaged = programming_file_import(content=b"PK\x03\x04roto", name="p.xlsx", user=None)
    assert "dañado" in damaged.errors[0]["message"]
    settings.IGM_MAX_UPLOAD_BYTES = 100
    too_big = programming_file_import(content=bad_file(poa), name="p.xlsx", user=None)
    assert "el máximo es 100 bytes" in too_big.errors[0]["message"]


def s2_file(physical: list, financial: list) -> bytes:
    """The POA's file with S2 programmed as a person would type it (rows 4 and 5 of the export)."""
    return workbook_bytes(
        [
            ["subproducto", "nombre", "medida", "meta_anual", *MONTHS],
            ["S2", "Documento tipo 2", "Física", "1,200", *physical],
            ["S2", "Documento tipo 2", "Financiera", "Q 1,000.00", *financial],
        ],
        title="Programación CIC 2026",
    )


def test_figures_as_people_write_them_and_computed_formulas_are_read(poa):
    content = s2_file(["=50+50", *["100"] * 11], [*["Q 0.00"] * 11, "=SUM(400,600)"])
    outcome = programming_file_import(
        content=with_computed_values(content, {"E2": "100", "P3": "1000"}), name="p.xlsx", user=None
    )
    assert outcome.errors == []
    s2 = MonthlyProgramming.objects.filter(goal__subproduct__code="S2", goal__year=2026)
    assert sorted(s2.filter(measure="physical").values_list("month", "value")) == [
        (month, Decimal("100.00")) for month in range(1, 13)
    ]
    assert s2.get(measure="financial", month=12).value == Decimal("1000.00")


def test_a_formula_without_its_value_and_a_decimal_comma_are_refused_on_their_cells(poa):
    outcome = programming_file_import(
        content=s2_file(["=50+50", *[100] * 11], ["1.000,00", *[0] * 11]), name="p.xlsx", user=None
    )
    places = [(error["row"], error["column"]) for error in outcome.errors]
    assert places == [(2, "enero"), (3, "enero")]
    assert "abra y guarde el archivo en Excel o LibreOffice" in outcome.errors[0]["message"]
    assert "1,000.00" in outcome.errors[1]["message"]  # says how to write it
    assert not MonthlyProgramming.objects.filter(goal__subproduct__code="S2").exists()


def test_an_archive_that_inflates_is_refused_before_it_is_read(poa, settings):
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 10_000
    content = s2_file([100] * 12, [*[0] * 11, 1000])
    outcome = programming_file_import(content=content, name="p.xlsx", user=None)
    assert "al descomprimirlo; el máximo admitido es" in outcome.errors[0]["message"]
