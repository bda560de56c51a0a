"""PDF rendering with WeasyPrint: the cover letter (portrait) followed by the report (landscape).

A long report is laid out in parts, in parallel where a worker allows (``common.pdf``): WeasyPrint
spends about a millisecond of CPU per table cell, so 500 subproducts take many seconds in one
process; split between the worker's processes they take about that much less. The parts are
merged into one document numbered "Página N de M"; only the first carries the letter and the
report's opening lines, only the last the legend, the notes and the signature box.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string

from common.pdf import (
    MergedPdf,
    PdfChunk,
    ProgressCallback,
    html_to_pdf_pages,
    layout_processes,
    render_pdf_chunks,
)
from reporting.documents import SEGEPLAN_NAME, ReportDocument
from reporting.selectors.siplan import ReportRow

from .html import render_html_text


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int
    parts: int = 1


# Below this many rows per process, one layout is faster than parts, their merge and numbering.
ROWS_PER_PART = 40


@dataclass(frozen=True)
class PartBlock:
    """The rows of a result block that fall in one part; ``continued`` when the block began in the
    part before (its heading is not repeated; the table's header is, as on any new page)."""

    title: str
    rows: tuple[ReportRow, ...]
    continued: bool = False


def report_parts(document: ReportDocument, parts: int) -> list[list[PartBlock]]:
    """The report's blocks shared out among ``parts`` parts of about the same number of rows."""
    rows = sum(len(block.rows) for block in document.report.blocks)
    share = -(-rows // parts)  # rounded up, so no part is left over
    laid_out: list[list[PartBlock]] = [[]]
    room = share
    for block in document.report.blocks:
        remaining, continued = block.rows, False
        while remaining:
            if room == 0:
                laid_out.append([])
                room = share
            taken, remaining = remaining[:room], remaining[room:]
            laid_out[-1].append(PartBlock(block.title, taken, continued))
            room -= len(taken)
            continued = True
    return laid_out


def render_pdf_document(document: ReportDocument, *, processes: int | None = None) -> RenderedPdf:
    """The letter and the report as one document, one page sequence "Página N de M"; a long report
    in parts when more than one layout process is available (``common.pdf.layout_processes``)."""
    rows = sum(len(block.rows) for block in document.report.blocks)
    parts = min(layout_processes(processes), rows // ROWS_PER_PART)
    if parts > 1:
        merged = _render_in_parts(document, report_parts(document, parts), processes)
        return RenderedPdf(content=merged.content, pages=merged.pages, parts=parts)
    html = render_html_text(document, inline_css=False)
    content, pages = html_to_pdf_pages(html, (_document_css(),))
    return RenderedPdf(content=content, pages=pages)


def render_pdf(document: ReportDocument) -> bytes:
    return render_pdf_document(document).content


def _document_css() -> str:
    """The stylesheet the HTML download shares with the PDF (compiled once per process by
    ``common.pdf``)."""
    return render_to_string("reporting/document/document.css")


# In a merged document the numbers are drawn after merging (common.pdf), not by each part.
UNNUMBERED_CSS = "@page { @bottom-right { content: none; } }"


def _document_chunk(document: ReportDocument, part: str, bookmark: tuple[str, ...] = (), **extra) -> PdfChunk:
    """One part of a merged document: the standalone page of ``document`` (``part`` "all" or
    "report") with the template's ``extra`` switches."""
    context = {"document": document, "part": part, "segeplan_name": SEGEPLAN_NAME, "inline_css": False}
    return PdfChunk("reporting/document/standalone.html", {**context, **extra}, bookmark=bookmark)


def _merged(chunks: list[PdfChunk], **options) -> MergedPdf:
    """The chunks laid out with the report's stylesheet, numbered after merging."""
    return render_pdf_chunks(chunks, stylesheets=(_document_css(), UNNUMBERED_CSS), **options)


def _render_in_parts(
    document: ReportDocument, parts: list[list[PartBlock]], processes: int | None
) -> MergedPdf:
    last = len(parts) - 1
    chunks = [
        _document_chunk(
            document,
            "all" if index == 0 else "report",
            blocks=blocks,
            continued_part=index > 0,
            more_parts=index < last,
        )
        for index, blocks in enumerate(parts)
    ]
    return _merged(chunks, processes=processes)


def siplan_chunks(documents: Iterable[ReportDocument], *, outline: str = "") -> list[PdfChunk]:
    """One chunk per institution's report (its pages without the cover letter), bookmarked
    ``(outline, "IGM Instituto Guatemalteco de Migración")`` (or just the institution without
    ``outline``)."""
    chunks = []
    for document in documents:
        institution = f"{document.report.institution_code} {document.report.institution_name}"
        bookmark = (outline, institution) if outline else (institution,)
        chunks.append(_document_chunk(document, "report", bookmark))
    return chunks


def render_siplan_documents_pdf(
    documents: Iterable[ReportDocument], *, outline: str = "", progress: ProgressCallback | None = None
) -> MergedPdf:
    """Many institutions' SIPLAN reports as one PDF (the national consolidated document): laid
    out institution by institution (in parallel where a worker allows), numbered "Página N de M"
    over the whole document, one bookmark per institution. ``progress(done, total)`` follows the
    institutions laid out."""
    return _merged(siplan_chunks(documents, outline=outline), progress=progress)
