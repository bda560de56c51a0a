"""What the XLSX reader (python-calamine) gives for each kind of cell, where it differs from a naive
read: dates, booleans, numbers stored as text, formulas with and without a computed value, error
cells, empty trailing rows, a second sheet and a table that does not start at A1."""

from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from common.spreadsheets import SpreadsheetRefused, UnreadableCell, XlsxBook, xlsx_rows
from tests.common.workbooks import (
    SHEET1,
    rewrite_member,
    with_computed_values,
    with_error_value,
    workbook_bytes,
)

OPEN_AND_SAVE = "abra y guarde el archivo en Excel o LibreOffice"


def rows_of(content, **kwargs) -> list:
    return list(xlsx_rows(content, **kwargs))


def test_dates_are_datetimes_and_times_are_times_as_openpyxl_gave_them():
    content = workbook_bytes(
        [["fecha", "día", "hora"], [datetime(2024, 3, 1, 8, 30), date(2024, 3, 1), time(10, 30)]]
    )
    assert rows_of(content)[1] == (2, (datetime(2024, 3, 1, 8, 30), datetime(2024, 3, 1), time(10, 30)))


def test_booleans_stay_booleans_and_numbers_stored_as_text_stay_text():
    content = workbook_bytes([["a", "b", "c", "d"], [True, False, "96,412", "Q 3,512,745.38"]])
    assert rows_of(content)[1] == (2, (True, False, "96,412", "Q 3,512,745.38"))


def test_whole_numbers_are_ints_and_others_floats_and_empty_cells_none():
    content = workbook_bytes([["a", "b", "c", "d"], [2024, 118500.5, None, ""]])
    number, values = rows_of(content)[1]
    assert values[:3] == (2024, 118500.5, None)
    assert type(values[0]) is int and type(values[1]) is float
    assert values[3:] in ((), (None,))


def test_a_formula_gives_the_value_the_file_computed():
    content = with_computed_values(workbook_bytes([["a", "b"], [10, "=A2*2"]]), {"B2": "20"})
    assert rows_of(content)[1] == (2, (10, 20))


def test_a_formula_without_a_computed_value_is_an_unreadable_cell_naming_it():
    (_header, (number, values)) = rows_of(workbook_bytes([["a", "b"], [10, "=A2*2"]]))
    assert number == 2 and values[0] == 10
    assert isinstance(values[1], UnreadableCell)
    assert values[1].message == (
        "la celda contiene la fórmula «=A2*2» sin su valor calculado; abra y guarde el archivo en Excel "
        "o LibreOffice, o escriba el valor."
    )


def test_a_formula_alone_in_the_last_row_and_column_is_still_reported():
    # calamine skips a cell without a value; the reader must not lose the row it stands in.
    content = workbook_bytes([["a", "b"], [1, 2], [None, None, "=SUMA(A2:B2)"]])
    last_number, last = rows_of(content)[-1]
    assert last_number == 3
    assert last[:2] == (None, None) and isinstance(last[2], UnreadableCell)
    assert "«=SUMA(A2:B2)»" in last[2].message


def test_an_error_value_is_an_unreadable_cell_naming_the_error():
    content = with_error_value(workbook_bytes([["a", "b"], [1, 0]]), "B2", "#DIV/0!")
    cell = rows_of(content)[1][1][1]
    assert isinstance(cell, UnreadableCell)
    assert cell.message == "la celda tiene el error «#DIV/0!»; corrija la fórmula o escriba el valor."


def test_empty_but_formatted_trailing_rows_are_not_rows_of_data(tmp_path):
    path = tmp_path / "formato.xlsx"
    path.write_bytes(workbook_bytes([["a"], [1]]))
    workbook = load_workbook(path)
    for row in range(3, 5000):
        workbook.active.cell(row=row, column=1).font = Font(bold=True)
    workbook.save(path)
    assert rows_of(path.read_bytes()) == [(1, ("a",)), (2, (1,))]


def test_a_second_sheet_by_name_or_index_and_the_first_by_default():
    content = workbook_bytes(
        [["primera"]], title="Ejecución", more_sheets={"Instrucciones": [["segunda"], ["fila 2"]]}
    )
    assert rows_of(content) == [(1, ("primera",))]
    assert rows_of(content, sheet="Instrucciones") == [(1, ("segunda",)), (2, ("fila 2",))]
    assert rows_of(content, sheet=1) == rows_of(content, sheet="Instrucciones")
    with XlsxBook(content) as book:
        assert book.sheet_names == ["Ejecución", "Instrucciones"]


def test_a_missing_sheet_is_named():
    with pytest.raises(SpreadsheetRefused) as refused:
        rows_of(workbook_bytes([["a"]]), sheet="9.5 Metas")
    assert (refused.value.code, refused.value.message) == ("missing_sheet", "Falta la hoja «9.5 Metas».")
    with pytest.raises(SpreadsheetRefused, match="El libro no tiene una hoja n.º 2."):
        rows_of(workbook_bytes([["a"]]), sheet=1)


def test_a_table_that_starts_below_and_right_keeps_excel_row_and_column_numbers():
    content = workbook_bytes([["código", "monto"], ["S01", 5]], start="C3")
    assert rows_of(content) == [
        (1, (None, None, None, None)),
        (2, (None, None, None, None)),
        (3, (None, None, "código", "monto")),
        (4, (None, None, "S01", 5)),
    ]


def test_formulas_in_a_second_sheet_are_found_where_they_are():
    content = workbook_bytes([["a"]], more_sheets={"Datos": [["x", "y"], [1, "=A2+1"]]})
    cell = rows_of(content, sheet="Datos")[1][1][1]
    assert isinstance(cell, UnreadableCell) and OPEN_AND_SAVE in cell.message
    assert not any(isinstance(value, UnreadableCell) for _n, values in rows_of(content) for value in values)


def test_a_shared_formula_without_values_is_reported_in_every_cell_that_shares_it():
    def shared(xml: bytes) -> bytes:
        xml = xml.replace(b"<f>A2*2</f>", b'<f t="shared" ref="B2:B3" si="0">A2*2</f>')
        return xml.replace(b"<f>A3*2</f>", b'<f t="shared" si="0"/>')

    content = rewrite_member(workbook_bytes([["a", "b"], [1, "=A2*2"], [2, "=A3*2"]]), SHEET1, shared)
    (_h, (_n2, second), (_n3, third)) = rows_of(content)
    assert "«=A2*2»" in second[1].message
    assert "«(fórmula compartida)»" in third[1].message and OPEN_AND_SAVE in third[1].message
