"""The POM matrices as an XLSX workbook, the same bytes for the same plan."""

from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common.spreadsheets import (
    QUETZALES_FORMAT,
    UNITS_FORMAT,
    neutralise,
    print_to_page_width,
    quantity_format,
)
from planning.matrices.layout import (
    CATEGORY_HEADERS,
    FIRST_DATA_ROW,
    GOAL_HEADERS,
    GOALS_FIRST_DATA_ROW,
    HEADER_ROW,
    KIND_PRODUCT,
    KIND_RESULT,
    KIND_SUBPRODUCT,
    KIND_TOTAL,
    NO_RESULT,
    PLAN_LABELS,
    RESULT_HEADERS,
    SHEET_BUDGET,
    SHEET_CATEGORIES,
    SHEET_GOALS,
    SHEET_PLAN,
    SHEET_RESULTS,
)
from planning.matrices.model import PomMatrices

# A fixed timestamp inside the file so that the same plan always gives the same bytes.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_CORE_TIME = "2000-01-01T00:00:00Z"


def _put(ws, row: int, column: int, value, number_format: str | None = None):
    cell = ws.cell(row=row, column=column, value=neutralise(value))
    if number_format:
        cell.number_format = number_format
    return cell


def _put_row(ws, row: int, first_column: int, values) -> None:
    for column, value in enumerate(values, start=first_column):
        _put(ws, row, column, value)


def _title(ws, text: str, headers: tuple[str, ...], *, header_rows: int = 1) -> None:
    """Title, header row(s) frozen on screen and repeated on every printed page, one page wide."""
    last_header = HEADER_ROW + header_rows - 1
    ws.freeze_panes = f"A{last_header + 1}"
    print_to_page_width(ws, title_rows=f"{HEADER_ROW}:{last_header}")
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=12)
    fill = PatternFill("solid", fgColor="DCE6F1")
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws, widths: tuple[int, ...]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _write_plan(ws, matrices: PomMatrices) -> None:
    ws.cell(row=1, column=1, value=_("Matrices del plan")).font = Font(bold=True, size=12)
    for row, (attribute, label) in enumerate(PLAN_LABELS, start=HEADER_ROW):
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        _put(ws, row, 2, getattr(matrices, attribute))
    _widths(ws, (28, 70))


def _write_results(ws, matrices: PomMatrices) -> None:
    _title(ws, "9.2 RESULTADOS, PRODUCTOS Y SUBPRODUCTOS MULTIANUALES", RESULT_HEADERS)
    row = FIRST_DATA_ROW
    for result, products in matrices.result_blocks:
        if result is None:
            values = ("", NO_RESULT, "", "", None, None)
        else:
            values = (
                result.code,
                result.description,
                result.level,
                result.unit,
                result.baseline_year,
                result.baseline_value,
            )
        # The baseline is counted in the result's own unit (persons, delegations), never in quetzales.
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value, quantity_format(value) if column == 6 else None)
        _put(ws, row, 7, KIND_RESULT)
        row += 1
        for product in products:
            _put_row(
                ws, row, 7, (KIND_PRODUCT, product.code, product.name, int(product.pgg_major_contribution))
            )
            row += 1
            for subproduct in product.subproducts:
                _put_row(ws, row, 7, (KIND_SUBPRODUCT, subproduct.code, subproduct.name))
                row += 1
    _widths(ws, (12, 60, 12, 14, 10, 16, 12, 12, 60, 14))


def _write_categories(ws, matrices: PomMatrices) -> None:
    _title(
        ws,
        "9.3 VINCULACIÓN DE PRODUCTOS Y SUBPRODUCTOS CON RED DE CATEGORÍAS PROGRAMÁTICAS",
        CATEGORY_HEADERS,
    )
    row = FIRST_DATA_ROW
    for product in matrices.products:
        values = (
            KIND_PRODUCT,
            product.code,
            product.name,
            product.unit,
            product.activity_name,
            product.program_code,
            product.subprogram,
            product.project,
            product.activity,
        )
        _put_row(ws, row, 1, values)
        row += 1
        for subproduct in product.subproducts:
            _put_row(ws, row, 1, (KIND_SUBPRODUCT, subproduct.code, subproduct.name, subproduct.unit))
            row += 1
    _widths(ws, (12, 12, 60, 14, 40, 10, 12, 10, 10))


def _write_goal_cells(ws, row: int, goals) -> None:
    for index, goal in enumerate(goals):
        column = len(GOAL_HEADERS) + 1 + 2 * index
        if goal is not None:
            _put(ws, row, column, goal.physical, UNITS_FORMAT)
            _put(ws, row, column + 1, goal.financial, QUETZALES_FORMAT)


def _write_goals(ws, matrices: PomMatrices) -> None:
    _title(
        ws,
        "9.5 PRODUCTOS, SUBPRODUCTOS Y METAS MULTIANUALES (metas vigentes)",
        GOAL_HEADERS,
        header_rows=GOALS_FIRST_DATA_ROW - HEADER_ROW,
    )
    for index, year in enumerate(matrices.years):
        column = len(GOAL_HEADERS) + 1 + 2 * index
        ws.cell(row=HEADER_ROW, column=column, value=year).font = Font(bold=True)
        ws.merge_cells(start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW, end_column=column + 1)
        ws.cell(row=HEADER_ROW + 1, column=column, value="Meta física").font = Font(bold=True)
        ws.cell(row=HEADER_ROW + 1, column=column + 1, value="Meta financiera").font = Font(bold=True)
    row = GOALS_FIRST_DATA_ROW
    for product in matrices.products:
        _put_row(ws, row, 1, (KIND_PRODUCT, product.code, product.name, product.unit))
        ws.cell(row=row, column=3).font = Font(bold=True)
        _write_goal_cells(ws, row, product.goals)
        row += 1
        for subproduct in product.subproducts:
            _put_row(ws, row, 1, (KIND_SUBPRODUCT, subproduct.code, subproduct.name, subproduct.unit))
            _write_goal_cells(ws, row, subproduct.goals)
            row += 1
    _put(ws, row, 1, KIND_TOTAL)
    for index, amount in enumerate(matrices.goals_totals):
        _put(ws, row, len(GOAL_HEADERS) + 2 + 2 * index, amount, QUETZALES_FORMAT)
    _widths(ws, (12, 12, 60, 14) + (14, 20) * len(matrices.years))


def _write_budget(ws, matrices: PomMatrices) -> None:
    _title(ws, "8. PROYECCIÓN DEL PRESUPUESTO", ("PRG", "Descripción", *map(str, matrices.years)))
    row = FIRST_DATA_ROW
    for program in matrices.programs:
        _put(ws, row, 1, program.code)
        _put(ws, row, 2, program.name)
        for index, amount in enumerate(program.amounts):
            if amount is not None:
                _put(ws, row, 3 + index, amount, QUETZALES_FORMAT)
        row += 1
    _put(ws, row, 2, KIND_TOTAL)
    for index, amount in enumerate(matrices.projection_totals):
        _put(ws, row, 3 + index, amount, QUETZALES_FORMAT)
    _widths(ws, (8, 40) + (20,) * len(matrices.years))


def _deterministic(data: bytes) -> bytes:
    """Rewrite the archive with fixed timestamps so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + FIXED_CORE_TIME.encode() + rb"\g<2>",
                    content,
                )
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def matrices_xlsx(matrices: PomMatrices) -> bytes:
    workbook = Workbook()
    workbook.active.title = SHEET_PLAN
    _write_plan(workbook.active, matrices)
    for title, writer in (
        (SHEET_RESULTS, _write_results),
        (SHEET_CATEGORIES, _write_categories),
        (SHEET_GOALS, _write_goals),
        (SHEET_BUDGET, _write_budget),
    ):
        writer(workbook.create_sheet(title), matrices)
    workbook.properties.creator = "IGM Plan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _deterministic(buffer.getvalue())
