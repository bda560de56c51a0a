"""XLSX rendering with openpyxl: real numbers with number formats, frozen headers, no formulas."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from common.spreadsheets import MONEY_FORMAT, UNITS_FORMAT, neutralise, print_to_page_width
from reporting.documents import ReportDocument

from . import wording
from .wording import siplan_titles

PCT_FORMAT = "0.00"

HEADER_FILL = PatternFill("solid", fgColor="DDE5EE")
PRODUCT_FILL = PatternFill("solid", fgColor="F1F4F8")
NO_EXEC_FILL = PatternFill("lightUp", fgColor="C3CAD3", bgColor="FFFFFF")
OVER_FONT = Font(bold=True, color="B42318")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="8A96A3")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")


def put(sheet, row: int, column: int, value, *, number_format: str | None = None):
    """Write one cell; text that would start a formula is neutralised (one rule for every sheet)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = neutralise(value)
    if number_format:
        cell.number_format = number_format
    return cell


def header_row(sheet, row: int, titles) -> None:
    for column, title in enumerate(titles, start=1):
        cell = put(sheet, row, column, title)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, WRAP


def write_line(sheet, row: int, line, label: str) -> None:
    """Columns D.. of one Física/Financiera line: the figures exactly as the selector gives them."""
    figures = [
        (4, line.initial, MONEY_FORMAT),
        (5, line.reprogrammings, "0"),
        (6, line.current, MONEY_FORMAT),
        (7, label, None),
        *((8 + index, value, MONEY_FORMAT) for index, value in enumerate(line.months)),
        (12, line.period_total, MONEY_FORMAT),
        (13, line.period_pct, PCT_FORMAT),
        (14, line.accumulated, MONEY_FORMAT),
        (15, line.accumulated_pct, PCT_FORMAT),
        (16, line.accumulated_initial_pct, PCT_FORMAT),
    ]
    for column, value, number_format in figures:
        put(sheet, row, column, value, number_format=number_format).border = BORDER
    for index, reported in enumerate(line.months_reported):
        if not reported:
            cell = sheet.cell(row=row, column=8 + index)
            cell.fill = NO_EXEC_FILL
            cell.comment = Comment("Sin ejecución reportada", "IGM Plan")
    if line.over_executed:
        for column in (14, 15):
            sheet.cell(row=row, column=column).font = OVER_FONT


def _report_sheet(sheet, document: ReportDocument) -> None:
    report = document.report
    short = report.period_short
    sheet.title = "Reporte"
    put(sheet, 1, 1, wording.SYSTEM).font = BOLD
    put(sheet, 2, 1, wording.TITLE).font = BOLD
    put(sheet, 3, 1, wording.period_line(report))
    put(sheet, 4, 1, f"{report.institution_name.upper()} ({report.institution_code})")
    if document.draft:
        put(sheet, 5, 1, wording.DRAFT_FLAG).font = OVER_FONT
    put(sheet, 6, 1, wording.LINKED_TO_INSTITUTIONAL_RESULTS).font = BOLD
    header_row(sheet, 7, siplan_titles("Producto/Subproducto", report.month_names, short))
    sheet.freeze_panes = "B8"
    print_to_page_width(sheet, title_rows="7:7")
    row = 8
    for block in report.blocks:
        put(sheet, row, 1, f"Resultado institucional: {block.title}").font = BOLD
        row += 1
        for item in block.rows:
            for offset, (label, line) in enumerate(
                (("Física", item.physical), ("Financiera", item.financial))
            ):
                put(sheet, row + offset, 1, item.name)
                put(sheet, row + offset, 2, item.unit)
                put(sheet, row + offset, 3, label)
                write_line(sheet, row + offset, line, f"Ejecución {label.lower()}")
                if item.kind == "product":
                    for column in range(1, 4):
                        sheet.cell(row=row + offset, column=column).fill = PRODUCT_FILL
                        sheet.cell(row=row + offset, column=column).font = BOLD
            row += 2
    row += 1
    put(sheet, row, 1, "Sombreado: mes sin ejecución reportada. Rojo: sobreejecución (acumulado > vigente).")
    for note in document.deviations:
        row += 1
        explanation = note.text or wording.MISSING_EXPLANATION
        basis = "de lo programado" if note.programmed else "de la meta proporcional (sin programación)"
        put(
            sheet,
            row,
            1,
            f"Nota — {note.name} ({note.measure}, {note.progress_pct:.2f} % {basis}): {explanation}",
        )
    row += 2
    put(sheet, row, 1, wording.LINKED_TO_STRATEGIC_RESULTS).font = BOLD
    row += 2
    put(sheet, row, 1, wording.SIGNATURE_LABEL).font = BOLD
    put(sheet, row + 1, 1, report.signer_name)
    put(sheet, row + 2, 1, report.signer_title)
    widths = [48, 12, 11, 16, 9, 16, 14, 15, 15, 15, 15, 16, 10, 17, 12, 14]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _detail_sheet(sheet, document: ReportDocument) -> None:
    names = document.report.month_names
    header_row(
        sheet,
        1,
        [
            "Código centro de costo",
            "Centro de costo",
            "Código subproducto",
            "Subproducto",
            *(f"Física {name}" for name in names),
            *(f"Financiera {name}" for name in names),
        ],
    )
    sheet.freeze_panes = "C2"
    print_to_page_width(sheet, title_rows="1:1")
    for row, item in enumerate(document.detail, start=2):
        values = [item.cost_centre_code, item.cost_centre_name, item.subproduct_code, item.subproduct_name]
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
        for index, value in enumerate(item.physical):
            put(sheet, row, 5 + index, value, number_format=UNITS_FORMAT)
        for index, value in enumerate(item.financial):
            put(sheet, row, 5 + len(names) + index, value, number_format=MONEY_FORMAT)
    for column, width in enumerate([12, 36, 12, 48] + [14] * 2 * len(names), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def render_xlsx(document: ReportDocument) -> bytes:
    workbook = Workbook()
    _report_sheet(workbook.active, document)
    _detail_sheet(workbook.create_sheet("Detalle mensual"), document)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
