"""The consolidated exports of the national view, run as report jobs (``reporting.kinds``).

The job keeps the filters it was asked with; the lines are computed again for its requester's scope
by the same selector as the page, then written: XLSX (a summary sheet, then one sheet per institution
with its product rows as in SIPLAN) or the PDF "Informe cuatrimestral consolidado".
"""

from __future__ import annotations

import re
from io import BytesIO

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from common.calendar import PERIOD_MONTHS, PERIOD_SHORT, period_label
from common.pdf import PdfChunk, render_pdf_chunks
from common.spreadsheets import print_to_page_width
from reporting.kinds import DocumentKind
from reporting.permissions import reads_reports
from reporting.renderers.wording import siplan_titles
from reporting.renderers.xlsx import BOLD, PCT_FORMAT, header_row, put, write_line
from reporting.services.jobs import document_job_request

from .filtersets import NationalProgressFilterSet
from .permissions import national_institutions
from .selectors import NationalLine, national_summary

KIND = "national"
EXPORT_FORMATS = {"xlsx": "XLSX consolidado", "pdf": "PDF «Informe cuatrimestral consolidado»"}
FILTERS = ("year", "period", "status", "band", "q", "ordering")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def national_export_request(*, user, format: str, parameters: dict):
    """Queue the consolidated document of the lines the user sees with these filters."""
    filters = {name: parameters.get(name) for name in FILTERS if parameters.get(name) not in (None, "")}
    return document_job_request(
        kind=KIND,
        year=int(filters["year"]),
        period=int(filters["period"]),
        format=format,
        parameters={name: str(value) for name, value in filters.items()},
        user=user,
    )


def job_lines(job) -> list[NationalLine]:
    filterset = NationalProgressFilterSet(
        {name: job.parameters[name] for name in FILTERS if name in job.parameters},
        queryset=national_institutions(user=job.requested_by),
        today=timezone.localdate(),
    )
    if not filterset.is_valid():
        raise ValueError(f"Filtros inválidos: {filterset.errors.as_text()}")
    return filterset.national_progress()


def national_export_render(job, progress) -> bytes:
    lines = job_lines(job)
    progress(25)
    if job.format == "xlsx":
        return consolidated_xlsx(lines, year=job.year, period=job.period, progress=progress)
    return consolidated_pdf(lines, year=job.year, period=job.period, progress=progress)


SUMMARY_TITLES = [
    "Siglas",
    "Institución",
    "Estado del reporte",
    "Fecha límite",
    "Días de atraso",
    "Ejecución financiera (%)",
    "Avance físico (%)",
    "Reporte firmado el",
]


def _summary_sheet(sheet, lines: list[NationalLine], year: int, period: int) -> None:
    sheet.title = "Resumen"
    put(sheet, 1, 1, "Informe cuatrimestral consolidado").font = BOLD
    put(sheet, 2, 1, f"{period_label(period)} {year}")
    header_row(sheet, 4, SUMMARY_TITLES)
    sheet.freeze_panes = "C5"
    for row, line in enumerate(lines, start=5):
        put(sheet, row, 1, line.code)
        put(sheet, row, 2, line.name)
        put(sheet, row, 3, line.status_label)
        put(sheet, row, 4, line.due_date, number_format="yyyy-mm-dd")
        put(sheet, row, 5, line.days_late)
        put(sheet, row, 6, line.financial_pct, number_format=PCT_FORMAT)
        put(sheet, row, 7, line.physical_pct, number_format=PCT_FORMAT)
        signed = timezone.localtime(line.signed_at).replace(tzinfo=None) if line.signed_at else None
        put(sheet, row, 8, signed, number_format="yyyy-mm-dd hh:mm")
    for column, width in enumerate([12, 60, 18, 12, 10, 14, 14, 18], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    print_to_page_width(sheet, title_rows="4:4")


def sheet_name(code: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = SHEET_NAME_FORBIDDEN.sub("-", code)[:28] or "Institucion"
    name, number = base, 2
    while name.casefold() in taken or name.casefold() == "resumen":
        name, number = f"{base}~{number}", number + 1
    taken.add(name.casefold())
    return name


def _institution_sheet(sheet, line: NationalLine, period: int) -> None:
    short = PERIOD_SHORT[period]
    put(sheet, 1, 1, f"{line.name} ({line.code})").font = BOLD
    put(sheet, 2, 1, f"Estado: {line.status_label}")
    months = [f"Mes {month}" for month in PERIOD_MONTHS[period]]
    header_row(sheet, 4, siplan_titles("Producto", months, short))
    sheet.freeze_panes = "B5"
    row = 5
    for product in line.products:
        for offset, (label, measure) in enumerate(
            (("Física", product.physical), ("Financiera", product.financial))
        ):
            put(sheet, row + offset, 1, product.name)
            put(sheet, row + offset, 2, product.unit)
            put(sheet, row + offset, 3, label)
            write_line(sheet, row + offset, measure, f"Ejecución {label.lower()}")
        row += 2
    if not line.products:
        put(
            sheet,
            row,
            1,
            "Sin plan que cubra el año." if not line.has_plan else "El plan no tiene productos.",
        )
    for column, width in enumerate([48, 12, 11, 16, 9, 16, 14, 15, 15, 15, 15, 16, 10, 17, 12, 14], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    print_to_page_width(sheet, title_rows="4:4")


def consolidated_xlsx(lines: list[NationalLine], *, year: int, period: int, progress=None) -> bytes:
    book = Workbook()
    _summary_sheet(book.active, lines, year, period)
    taken: set[str] = set()
    for index, line in enumerate(lines, start=1):
        _institution_sheet(book.create_sheet(sheet_name(line.code, taken)), line, period)
        if progress is not None and index % 20 == 0:
            progress(25 + 60 * index // len(lines))
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def consolidated_pdf(lines: list[NationalLine], *, year: int, period: int, progress=None) -> bytes:
    """Summary table and the institutions that have not reported, then each institution's product
    table as a part of its own, laid out in parallel where workers allow and merged with one page
    sequence and a bookmark per institution (``common.pdf.render_pdf_chunks``)."""
    title = "Informe cuatrimestral consolidado"
    summary = national_summary(lines=lines, year=year, period=period)
    front = PdfChunk(
        "national/pdf/consolidated.html",
        {
            "lines": lines,
            "summary": summary,
            "not_reported": [line for line in lines if not line.reported],
            "generated_at": timezone.localtime(),
        },
        bookmark=(title,),
    )
    parts = [
        PdfChunk(
            "national/pdf/institution.html",
            {"line": line, "first": index == 0, "summary": summary},
            bookmark=(f"{line.code} {line.name}",),
        )
        for index, line in enumerate(lines)
    ]

    def advance(done: int, total: int) -> None:
        if progress is not None:
            progress(25 + 65 * done // total)

    return render_pdf_chunks([front, *parts], progress=advance).content


def _back_url(job) -> str:
    query = {name: job.parameters[name] for name in FILTERS if name in job.parameters}
    return f"{reverse('national:index')}?{urlencode(query)}"


NATIONAL_DOCUMENT = DocumentKind(
    name=KIND,
    label="Informe cuatrimestral consolidado",
    formats=tuple(EXPORT_FORMATS),
    may_request=lambda user: reads_reports(user=user),
    render=national_export_render,
    back_url=_back_url,
)
