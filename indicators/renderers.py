"""Pure renderers: indicator sheets and the multiannual table from selector data to XLSX
(openpyxl) bytes. No arithmetic happens here."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common.spreadsheets import neutralise, print_to_page_width

HEADER_FILL = PatternFill("solid", fgColor="E9EEF4")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _number(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _row(worksheet, values, *, bold=False, fill=None, formats=None) -> None:
    worksheet.append([neutralise(v) if not isinstance(v, Decimal | int) else _number(v) for v in values])
    for index, cell in enumerate(worksheet[worksheet.max_row]):
        cell.alignment = WRAP
        if bold:
            cell.font = BOLD
        if fill:
            cell.fill = fill
        if formats and index < len(formats) and formats[index]:
            cell.number_format = formats[index]


def _sheet_rows(sheet) -> list[tuple[str, object]]:
    return [
        ("Código y Nombre del Indicador", f"{sheet.code}. {sheet.name}"),
        ("Categoría del Indicador", sheet.get_category_display().upper()),
        ("Objetivo Asociado del Indicador", sheet.associated_objective),
        ("Política Pública Asociada", sheet.public_policy),
        ("Descripción del Indicador", sheet.description),
        ("Pertinencia", sheet.pertinence),
        ("Interpretación", sheet.interpretation),
        ("Fórmula de Cálculo", sheet.formula_text),
        (
            "Fórmula en el sistema",
            f"{sheet.get_numerator_display()} ÷ {sheet.get_denominator_display()} × 100",
        ),
        ("Frecuencia de Medición", sheet.get_frequency_display()),
        ("Línea Base", f"Año: {sheet.baseline_year} Valor: {sheet.baseline_value}"),
        ("Explicación de la Tendencia", sheet.trend_explanation),
        ("Cómo se va a lograr la meta", sheet.how_goal_is_reached),
        ("Procedencia de los Datos", sheet.data_source),
        ("Unidad Responsable", sheet.responsible_unit),
        ("Metodología de Recopilación", sheet.collection_method),
        ("Productos", sheet.product.name if sheet.product else ""),
        ("Indicadores (producción asociada)", sheet.associated_production),
        ("Notas Técnicas", sheet.technical_notes),
    ]


def _write_value(worksheet, value) -> None:
    """The value computed from execution, its target and traffic light, as the sheet's page shows it."""
    worksheet.append([])
    _row(worksheet, ["Valor calculado de la ejecución"], bold=True)
    if not value.product_name:
        _row(worksheet, [f"El plan de {value.year} no tiene un producto equivalente al de esta ficha."])
        return
    _row(
        worksheet,
        ["Año", "Cuatrimestre", "Numerador", "Denominador", "Valor (%)", "Meta (%)", "Semáforo"],
        bold=True,
        fill=HEADER_FILL,
    )
    _row(
        worksheet,
        [
            value.year,
            value.period,
            value.numerator,
            value.denominator,
            value.value,
            value.target,
            (value.light or "sin dato").capitalize(),
        ],
        formats=[None, None, "#,##0.##", "#,##0.##", "0.00", "0.00", None],
    )
    _row(worksheet, [f"Producto: {value.product_name} · acumulado a {value.months_so_far} meses"])


def _write_sheet(worksheet, sheet, trend, computed=None) -> None:
    institution = sheet.plan.institution
    worksheet.column_dimensions["A"].width = 34
    for column in range(2, 12):
        worksheet.column_dimensions[get_column_letter(column)].width = 14
    _row(worksheet, ["Ministerio de Finanzas Públicas — Dirección Técnica de Presupuesto"], bold=True)
    _row(worksheet, ["FICHA TÉCNICA PARA DEFINICIÓN DE INDICADORES"], bold=True)
    _row(
        worksheet,
        [
            f"Reporte {sheet.report_code} · Presupuesto año {sheet.plan.start_year}",
            f"Fecha: {sheet.report_date}",
        ],
    )
    _row(worksheet, [f"{institution.budget_code} {institution.name.upper()}"], bold=True)
    worksheet.append([])
    for label, value in _sheet_rows(sheet):
        _row(worksheet, [label, value], formats=[None, None])
        worksheet.cell(worksheet.max_row, 1).font = BOLD
        worksheet.cell(worksheet.max_row, 1).fill = HEADER_FILL
        worksheet.merge_cells(
            start_row=worksheet.max_row, start_column=2, end_row=worksheet.max_row, end_column=9
        )
        worksheet.row_dimensions[worksheet.max_row].height = 15 * max(1, len(str(value or "")) // 95 + 1)
    worksheet.append([])
    _row(worksheet, ["Tendencia y meta del indicador"], bold=True)
    _row(worksheet, ["Años", *[year for year, _ in trend]], bold=True, fill=HEADER_FILL)
    _row(worksheet, ["Valor", *[figure for _, figure in trend]], formats=[None] + ["0.00"] * len(trend))
    if computed is not None:
        _write_value(worksheet, computed)
    print_to_page_width(worksheet, landscape=False)


def indicator_sheets_xlsx(*, sheets: list, trends: dict[int, list], table=None, values=None) -> bytes:
    """One worksheet per sheet (with its computed value when given), plus the multiannual
    product-indicator table when given."""
    values = values or {}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(f"Ficha {sheet.position}"[:31])
        _write_sheet(worksheet, sheet, trends[sheet.id], values.get(sheet.id))
    if table is not None:
        _write_table(workbook.create_sheet("Indicadores multianual"), table)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_table(worksheet, table) -> None:
    _row(worksheet, ["FICHA DE INDICADORES DE PRODUCTOS A NIVEL MULTIANUAL"], bold=True)
    header = ["Productos", "Unidad de medida del producto", "Nombre del indicador del producto"]
    header += ["Línea de base: año", "Línea de base: datos absolutos", "Línea de base: datos relativos (%)"]
    for year in table.years:
        header += [f"{year} meta: datos absolutos", f"{year} meta: datos relativos (%)"]
    header += ["Total meta multianual: datos absolutos", "Total meta multianual: datos relativos (%)"]
    _row(worksheet, header, bold=True, fill=HEADER_FILL)
    formats = [None, None, None, "0", "#,##0", "0.00"] + ["#,##0", "0.00"] * (len(table.years) + 1)
    for row in table.rows:
        values = [row.product_name, row.unit, row.indicator_name, row.baseline_year]
        values += [row.baseline_absolute, row.baseline_relative]
        for cell in row.years:
            values += list(cell) if cell else [None, None]
        values += [row.total_absolute, row.total_relative]
        _row(worksheet, values, formats=formats)
    for column in range(1, len(header) + 1):
        worksheet.column_dimensions[get_column_letter(column)].width = 30 if column <= 3 else 15
    worksheet.freeze_panes = "B3"
    print_to_page_width(worksheet, title_rows="2:2")
