"""Execution files: the columns, the django-import-export resource, writing the XLSX/CSV template,
the first check of an uploaded file (kind and size) and reading its rows.

The resource declares the file's columns once; the template export goes through it, and its
row-by-row ``import_data`` is the plain import the benchmark compares against. The validated
import of whole files (``budget.services.uploads.execution_file_preview``) streams the rows read here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from common.formats import file_size
from common.spreadsheets import (
    MONEY_FORMAT,
    UNITS_FORMAT,
    SpreadsheetRefused,
    neutralise,
    print_to_page_width,
    rows_capped,
    xlsx_rows,
)
from planning.models import Subproduct
from planning.selectors.plans import plan_for_year

from .models import CostCentre, Execution

IMPORT_COLUMNS = (
    "centro_costo",
    "subproducto",
    "anio",
    "mes",
    "ejecucion_fisica",
    "ejecucion_financiera",
    "observaciones",
)
HELPER_COLUMNS = (
    "nombre_centro_costo",
    "nombre_subproducto",
    "unidad_medida",
    "meta_fisica_vigente",
    "meta_financiera_vigente",
)
ALLOWED_EXTENSIONS = (".xlsx", ".csv")
SHEET_TITLE = "Ejecución"
_NUMBER_FORMATS = {
    "ejecucion_fisica": UNITS_FORMAT,
    "ejecucion_financiera": MONEY_FORMAT,
    "meta_fisica_vigente": UNITS_FORMAT,
    "meta_financiera_vigente": MONEY_FORMAT,
}


class ExecutionFileError(Exception):
    """The file as a whole cannot be read (empty, wrong headers, corrupt, protected)."""


class _CostCentreWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(CostCentre, field="code")
        self.institution = None

    def get_queryset(self, value, row, *args, **kwargs):
        return CostCentre.objects.filter(institution=self.institution)


class _SubproductWidget(widgets.ForeignKeyWidget):
    """A subproduct code is looked up in the plan that governs the row's year."""

    def __init__(self):
        super().__init__(Subproduct, field="code")
        self.institution = None

    def get_queryset(self, value, row, *args, **kwargs):
        plan = plan_for_year(institution=self.institution, year=int(row["anio"]))
        return Subproduct.objects.filter(product__plan=plan)


class ExecutionResource(resources.ModelResource):
    centro_costo = Field(attribute="cost_centre", column_name="centro_costo", widget=_CostCentreWidget())
    subproducto = Field(attribute="subproduct", column_name="subproducto", widget=_SubproductWidget())
    anio = Field(attribute="year", column_name="anio", widget=widgets.IntegerWidget())
    mes = Field(attribute="month", column_name="mes", widget=widgets.IntegerWidget())
    ejecucion_fisica = Field(
        attribute="physical", column_name="ejecucion_fisica", widget=widgets.IntegerWidget()
    )
    ejecucion_financiera = Field(
        attribute="financial", column_name="ejecucion_financiera", widget=widgets.DecimalWidget()
    )
    observaciones = Field(attribute="notes", column_name="observaciones")
    nombre_centro_costo = Field(
        attribute="cost_centre__name", column_name="nombre_centro_costo", readonly=True
    )
    nombre_subproducto = Field(attribute="subproduct__name", column_name="nombre_subproducto", readonly=True)
    unidad_medida = Field(attribute="subproduct__unit", column_name="unidad_medida", readonly=True)
    meta_fisica_vigente = Field(
        attribute="goal_physical",
        column_name="meta_fisica_vigente",
        widget=widgets.IntegerWidget(),
        readonly=True,
    )
    meta_financiera_vigente = Field(
        attribute="goal_financial",
        column_name="meta_financiera_vigente",
        widget=widgets.DecimalWidget(),
        readonly=True,
    )

    class Meta:
        model = Execution
        fields = IMPORT_COLUMNS + HELPER_COLUMNS
        import_id_fields = ("centro_costo", "subproducto", "anio", "mes")
        skip_unchanged = True
        report_skipped = True

    def __init__(self, *, institution, user=None):
        super().__init__()
        self.user = user
        self.fields["centro_costo"].widget.institution = institution
        self.fields["subproducto"].widget.institution = institution

    def before_save_instance(self, instance, row, **kwargs):
        # Optimistic version, as the bulk import does; history records the acting user.
        if instance.pk:
            instance.version += 1
        instance._history_user = self.user


def template_dataset(*, rows, institution) -> tablib.Dataset:
    """The template's rows (saved or unsaved Execution objects carrying goal_* attributes)."""
    return ExecutionResource(institution=institution).export(rows, force_native_type=True)


def template_xlsx(dataset: tablib.Dataset) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(list(dataset.headers))
    for row in dataset:
        sheet.append([neutralise(value) if value != "" else None for value in row])
    helper_fill = PatternFill("solid", fgColor="E9EEF4")
    helper_font = Font(italic=True, color="5B6775")
    first_helper = len(IMPORT_COLUMNS) + 1
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_col=first_helper, max_col=len(dataset.headers), min_row=2):
        for cell in column:
            cell.fill = helper_fill
            cell.font = helper_font
    for index, header in enumerate(dataset.headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            14, len(header) + 2
        )
    sheet.column_dimensions["H"].width = 32
    sheet.column_dimensions["I"].width = 48
    sheet.freeze_panes = "A2"
    print_to_page_width(sheet, title_rows="1:1")
    last = max(sheet.max_row, 2)
    # Units and quetzales shown as every other document shows them; the cells stay numbers.
    for index, header in enumerate(dataset.headers, start=1):
        if header in _NUMBER_FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=index, max_col=index):
                cell.number_format = _NUMBER_FORMATS[header]
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    whole.error = _("Escriba un número entero de unidades, sin decimales.")
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    money.error = _("Escriba el monto en quetzales con hasta dos decimales.")
    sheet.add_data_validation(whole)
    sheet.add_data_validation(money)
    whole.add(f"E2:E{last}")
    money.add(f"F2:F{last}")
    notes = workbook.create_sheet(_("Instrucciones"))
    for line in (
        _("Complete las columnas ejecucion_fisica (unidades enteras) y ejecucion_financiera (quetzales)."),
        _("No cambie ni reordene los encabezados de las columnas A a G."),
        _("Las columnas grises (H en adelante) son solo de referencia y no se importan."),
        _("Deje en blanco ambas columnas de ejecución en las filas que no reporta."),
        _("Si usa fórmulas, guarde el archivo en Excel o LibreOffice: se toma el valor que calculan."),
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(dataset: tablib.Dataset) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(dataset.headers)
    for row in dataset:
        writer.writerow([neutralise(value) for value in row])
    # The BOM makes Excel open the UTF-8 file with its accents intact.
    return buffer.getvalue().encode("utf-8-sig")


def execution_file_check(*, name: str, size: int) -> None:
    """Refuse a file that is not XLSX or CSV (by its name) or larger than IGM_MAX_UPLOAD_BYTES:
    the first check, before anything reads or keeps it; the upload page and ``import_execution``
    apply this same rule."""
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        raise ValidationError(
            _("El archivo «%(name)s» no es XLSX ni CSV; use la plantilla de ejecución.") % {"name": name},
            code="file_type",
        )
    limit = settings.IGM_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            _("El archivo «%(name)s» pesa %(size)s; el máximo es %(limit)s.")
            % {"name": name, "size": file_size(size), "limit": file_size(limit)},
            code="file_size",
        )


def _header_error(found: list[str]) -> str | None:
    expected = list(IMPORT_COLUMNS)
    if found == expected:
        return None
    order = _("Los encabezados deben ser, en este orden: %(columns)s.") % {"columns": ", ".join(expected)}
    missing = [name for name in expected if name not in found]
    if missing:
        return _("Faltan columnas: %(missing)s. %(order)s") % {"missing": ", ".join(missing), "order": order}
    position = next(index for index, name in enumerate(expected) if found[index] != name)
    return _(
        "Las columnas están en otro orden: en la columna %(number)s se esperaba «%(expected)s» "
        "y se encontró «%(found)s». %(order)s"
    ) % {"number": position + 1, "expected": expected[position], "found": found[position], "order": order}


def _header_names(values) -> list[str]:
    names = [str(value).strip().lower() if value is not None else "" for value in values]
    names = names[: len(IMPORT_COLUMNS)]
    return names + [""] * (len(IMPORT_COLUMNS) - len(names))


def _is_blank(values) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def _data_rows(rows: Iterator[tuple[int, tuple]]) -> Iterator[tuple[int, tuple]]:
    """Check the header row, then yield (spreadsheet row number, the seven values)."""
    header = next(rows, (1, None))[1]
    if header is None or _is_blank(header):
        raise ExecutionFileError(_("El archivo no tiene encabezados ni datos."))
    problem = _header_error(_header_names(header))
    if problem:
        raise ExecutionFileError(problem)
    width = len(IMPORT_COLUMNS)
    for number, values in rows:
        values = tuple(values[:width])
        if len(values) < width:
            values += (None,) * (width - len(values))
        if not _is_blank(values):
            yield number, values


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, tuple]]:
    try:
        yield from _data_rows(xlsx_rows(content))
    except SpreadsheetRefused as error:
        raise ExecutionFileError(error.message) from error


def _csv_rows(content: bytes) -> Iterator[tuple[int, tuple]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExecutionFileError(
            _("El CSV no está en UTF-8; guárdelo como «CSV UTF-8 (delimitado por comas)».")
        ) from error
    if "\x00" in text:
        raise ExecutionFileError(_("El archivo no es un CSV de texto."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from _data_rows(
            rows_capped(tuple(value if value != "" else None for value in row) for row in reader)
        )
    except SpreadsheetRefused as error:
        raise ExecutionFileError(error.message) from error


def execution_file_rows(*, content: bytes, name: str) -> Iterator[tuple[int, tuple]]:
    """The data rows of an execution file (XLSX or CSV), streamed; raises ExecutionFileError."""
    if not content:
        raise ExecutionFileError(_("El archivo está vacío (0 bytes)."))
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        yield from _xlsx_rows(content)
    elif lowered.endswith(".csv"):
        yield from _csv_rows(content)
    else:
        raise ExecutionFileError(
            _("El archivo «%(name)s» no es XLSX ni CSV; use la plantilla de ejecución.") % {"name": name}
        )
