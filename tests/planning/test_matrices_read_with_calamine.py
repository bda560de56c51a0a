"""The plan matrices workbook read with python-calamine: a formula's computed value is taken, a
formula without one is refused on its cell with the column's header, figures as people write them
are read, and a zip bomb is refused before parsing."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from planning.matrices.model import MatricesError
from planning.matrices.xlsx_reader import matrices_read
from planning.matrices.xlsx_writer import matrices_xlsx
from planning.selectors.matrices import pom_matrices
from tests.common.workbooks import with_computed_values, zip_bomb

GOALS_SHEET = "xl/worksheets/sheet4.xml"  # 9.5 Metas, the fourth sheet


def edited(pom, changes: dict[str, object]) -> bytes:
    workbook = load_workbook(io.BytesIO(matrices_xlsx(pom_matrices(plan=pom))))
    for cell, value in changes.items():
        workbook["9.5 Metas"][cell] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusals(content) -> list[str]:
    with pytest.raises(MatricesError) as refused:
        matrices_read(content)
    return refused.value.errors


def goal_of(matrices, product_code: str, year_index: int):
    return next(product for product in matrices.products if product.code == product_code).goals[year_index]


def test_a_formula_with_its_computed_value_is_read_as_that_value(small_world):
    content = edited(small_world.pom, {"F9": "=82000000+260000"})
    matrices = matrices_read(with_computed_values(content, {"F9": "82260001"}, member=GOALS_SHEET))
    assert goal_of(matrices, "P2", 0).financial == Decimal("82260001.00")


def test_a_formula_without_a_computed_value_is_refused_on_its_cell_with_its_header(small_world):
    errors = refusals(edited(small_world.pom, {"F9": "=82000000+260000"}))
    assert errors == [
        "Hoja «9.5 Metas», celda F9: la celda contiene la fórmula «=82000000+260000» sin su valor "
        "calculado; abra y guarde el archivo en Excel o LibreOffice, o escriba el valor. "
        "Columna «2026 Meta financiera».",
        "Hoja «9.5 Metas», celda E9: escriba la meta física y la financiera, o ninguna. "
        "Columna «2026 Meta física».",
    ]


def test_figures_written_as_text_the_way_pages_write_them_are_read(small_world):
    matrices = matrices_read(edited(small_world.pom, {"E9": "1,500", "F9": "Q 82,260,000.50"}))
    goal = goal_of(matrices, "P2", 0)
    assert (goal.physical, goal.financial) == (1500, Decimal("82260000.50"))


def test_a_decimal_comma_is_refused_saying_how_to_write_it(small_world):
    assert refusals(edited(small_world.pom, {"F9": "82.260.000,00"}))[0] == (
        "Hoja «9.5 Metas», celda F9: «82.260.000,00» usa punto para los miles y coma para los decimales; "
        "escríbalo 82,260,000.00 (coma para los miles, punto para los decimales). "
        "Columna «2026 Meta financiera»."
    )


def test_a_zip_bomb_is_refused_before_parsing(settings, db):
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    (message,) = refusals(zip_bomb(16 * 1024 * 1024))
    assert message.startswith("El libro ocupa 16.0 MB al descomprimirlo; el máximo admitido es 1.0 MB.")
