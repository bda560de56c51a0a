"""The programming file: one row per subproduct and measure with its annual goal and twelve months.

The first sheet is titled «Programación <siglas> <año>» (that is how an imported file names its POA);
its columns are ``FILE_COLUMNS``. ``programming_rows`` is the only place that reads a workbook.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from common.formats import file_size
from common.spreadsheets import (
    MONEY_FORMAT,
    UNITS_FORMAT,
    SpreadsheetRefused,
    XlsxBook,
    neutralise,
    print_to_page_width,
)
from planning.models import Measure, Plan
from planning.selectors.programming import programming_grid

MONTH_COLUMNS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
FILE_COLUMNS = ("subproducto", "nombre", "medida", "meta_anual", *MONTH_COLUMNS)
MEASURE_NAMES = {Measure.PHYSICAL: "Física", Measure.FINANCIAL: "Financiera"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = re.compile(r"^Programación (\S+) (\d{4})$")


class ProgrammingFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


def sheet_title(plan: Plan) -> str:
    return f"Programación {plan.institution.code} {plan.start_year}"


def programming_xlsx(*, plan: Plan) -> bytes:
    """The POA's programming as a workbook the import reads back unchanged."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(plan)
    sheet.append(list(FILE_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in programming_grid(plan=plan).rows:
        if row.kind != "subproduct" or row.goal_id is None:
            continue
        for line in row.lines:
            physical = line.measure == Measure.PHYSICAL
            months = [None] * 12 if line.months is None else [int(v) if physical else v for v in line.months]
            goal = int(line.goal) if physical else line.goal
            sheet.append(
                [neutralise(row.code), neutralise(row.name), MEASURE_NAMES[line.measure], goal, *months]
            )
            for cell in sheet[sheet.max_row][3:]:
                cell.number_format = UNITS_FORMAT if physical else MONEY_FORMAT
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 48
    sheet.freeze_panes = "E2"
    print_to_page_width(sheet, title_rows="1:1")
    notes = workbook.create_sheet(_("Instrucciones"))
    for line in (
        _(
            "Escriba la programación de cada mes: unidades enteras en «Física», "
            "quetzales con dos decimales en «Financiera»."
        ),
        _("Los doce meses de cada fila deben sumar exactamente la meta anual; no cambie la meta anual aquí."),
        _(
            "No cambie el nombre de la hoja ni los encabezados; deje en blanco los doce meses de una fila "
            "para quitar su programación."
        ),
        _("No use fórmulas: escriba los valores."),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def programming_file_check(*, name: str, size: int) -> None:
    """The first check, before reading: an XLSX no larger than IGM_MAX_UPLOAD_BYTES."""
    if not name.lower().endswith(".xlsx"):
        raise ProgrammingFileError(
            _("El archivo «%(name)s» no es XLSX; use el archivo de programación exportado.") % {"name": name}
        )
    limit = settings.IGM_MAX_UPLOAD_BYTES
    if size > limit:
        raise ProgrammingFileError(
            _("El archivo «%(name)s» pesa %(size)s; el máximo es %(limit)s.")
            % {"name": name, "size": file_size(size), "limit": file_size(limit)}
        )


@dataclass(frozen=True)
class ProgrammingSheet:
    institution_code: str
    year: int
    rows: tuple[tuple[int, tuple], ...]  # (spreadsheet row number, the values of FILE_COLUMNS)


def programming_rows(content: bytes) -> ProgrammingSheet:
    """The POA a file names and its data rows, read by the one XLSX reader after its archive checks
    (size, expansion, protection, rows); raises ProgrammingFileError."""
    try:
        with XlsxBook(content) as book:
            title = book.sheet_names[0] if book.sheet_names else ""
            numbered = list(book.rows(0))
    except SpreadsheetRefused as refused:
        raise ProgrammingFileError(refused.message) from refused
    match = TITLE.match(title.strip())
    if not match:
        raise ProgrammingFileError(
            _(
                "La primera hoja se llama «%(title)s»; debe llamarse «Programación <siglas> <año>», "
                "como la exportada."
            )
            % {"title": title}
        )
    if not numbered:
        raise ProgrammingFileError(_("La hoja no tiene encabezados ni datos."))
    header_values = numbered[0][1][: len(FILE_COLUMNS)]
    header = [str(value).strip().lower() if value is not None else "" for value in header_values]
    if header != list(FILE_COLUMNS):
        raise ProgrammingFileError(
            _("Los encabezados deben ser, en este orden: %(columns)s.") % {"columns": ", ".join(FILE_COLUMNS)}
        )
    width = len(FILE_COLUMNS)
    rows = tuple(
        (number, tuple(row[:width]) + (None,) * (width - len(row[:width])))
        for number, row in numbered[1:]
        if any(value not in (None, "") for value in row[:width])
    )
    return ProgrammingSheet(institution_code=match.group(1), year=int(match.group(2)), rows=rows)
