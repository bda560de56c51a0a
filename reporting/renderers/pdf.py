"""PDF rendering with WeasyPrint: the cover letter (portrait) followed by the report (landscape)."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from common.pdf import MergedPdf, PdfChunk, ProgressCallback, render_pdf_chunks
from reporting.documents import SEGEPLAN_NAME, ReportDocument

from .html import render_html_text


@cache
def font_configuration() -> FontConfiguration:
    """Fonts are looked up once per process, not once per rendering."""
    return FontConfiguration()


@cache
def document_stylesheet() -> CSS:
    """Parsed once per process: compiling the selectors is a good part of a small report's time."""
    return CSS(string=render_to_string("reporting/document/document.css"), font_config=font_configuration())


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def render_pdf_document(document: ReportDocument) -> RenderedPdf:
    """The letter and the report laid out as one document: one page sequence "Página N de M"."""
    html = render_html_text(document, inline_css=False)
    layout = HTML(string=html).render(stylesheets=[document_stylesheet()], font_config=font_configuration())
    return RenderedPdf(content=layout.write_pdf(), pages=len(layout.pages))


def render_pdf(document: ReportDocument) -> bytes:
    return render_pdf_document(document).content


# In a merged document the numbers are drawn after merging (common.pdf), not by each part.
UNNUMBERED_CSS = "@page { @bottom-right { content: none; } }"


def siplan_chunks(documents: Iterable[ReportDocument], *, outline: str = "") -> list[PdfChunk]:
    """One chunk per institution's report (its pages without the cover letter), bookmarked
    ``(outline, "IGM Instituto Guatemalteco de Migración")`` (or just the institution without
    ``outline``)."""
    chunks = []
    for document in documents:
        report = document.report
        institution = f"{report.institution_code} {report.institution_name}"
        chunks.append(
            PdfChunk(
                "reporting/document/standalone.html",
                {"document": document, "part": "report", "segeplan_name": SEGEPLAN_NAME, "inline_css": False},
                bookmark=(outline, institution) if outline else (institution,),
            )
        )
    return chunks


def render_siplan_documents_pdf(
    documents: Iterable[ReportDocument], *, outline: str = "", progress: ProgressCallback | None = None
) -> MergedPdf:
    """Many institutions' SIPLAN reports as one PDF (the national consolidated document): laid
    out institution by institution (in parallel where a worker allows), numbered "Página N de M"
    over the whole document, one bookmark per institution. ``progress(done, total)`` follows the
    institutions laid out."""
    css = render_to_string("reporting/document/document.css")
    return render_pdf_chunks(
        siplan_chunks(documents, outline=outline), stylesheets=(css, UNNUMBERED_CSS), progress=progress
    )
