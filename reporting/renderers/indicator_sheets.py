"""A plan's indicator sheets as one PDF: each sheet, then the multiannual table, laid out as chunks
(in parallel where allowed) and merged, numbered over the whole document, one bookmark per sheet."""

from common.pdf import MergedPdf, PdfChunk, ProgressCallback, render_pdf_chunks
from indicators.selectors import indicator_sheets_for_plan, multiannual_table, sheet_trend
from planning.models import Plan

TEMPLATE = "indicators/pdf/sheets.html"
# The sheets' own margins (14 mm at the sides, 16 mm at the foot) and their 8 pt header text.
SHEET_PAGE_NUMBERS = """
@page { margin: 0 14mm 16mm 0;
  @bottom-right { content: "Página " counter(page) " de " counter(pages);
    font: 8pt "DejaVu Sans", sans-serif; color: #111; } }
"""


def plan_sheets_chunks(plan: Plan) -> list[PdfChunk]:
    sheets = list(indicator_sheets_for_plan(plan=plan))
    outline = f"Fichas técnicas {plan.institution.code} {plan.start_year}-{plan.end_year}"
    chunks = [
        PdfChunk(
            TEMPLATE,
            {"sheets": [(sheet, sheet_trend(sheet), None)], "table": None, "numbered_after": True},
            bookmark=(outline, sheet.name),
        )
        for sheet in sheets
    ]
    table = multiannual_table(sheets=sheets)
    if table.rows:
        chunks.append(
            PdfChunk(
                TEMPLATE,
                {"sheets": [], "table": table, "numbered_after": True},
                bookmark=(outline, "Indicadores de productos a nivel multianual"),
            )
        )
    return chunks


def render_plan_sheets_pdf(plan: Plan, *, progress: ProgressCallback | None = None) -> MergedPdf:
    return render_pdf_chunks(plan_sheets_chunks(plan), page_number_css=SHEET_PAGE_NUMBERS, progress=progress)
