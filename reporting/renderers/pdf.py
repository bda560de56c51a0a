"""PDF rendering with WeasyPrint: the cover letter (portrait) followed by the report (landscape)."""

from dataclasses import dataclass
from functools import cache

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from reporting.documents import ReportDocument

from .html import render_html_text


@cache
def document_stylesheet() -> CSS:
    """Parsed once per process: compiling the selectors is a good part of a small report's time."""
    return CSS(string=render_to_string("reporting/document/document.css"))


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def _layout(document: ReportDocument, part: str):
    html = render_html_text(document, part=part, inline_css=False)
    return HTML(string=html).render(stylesheets=[document_stylesheet()])


def render_pdf_document(document: ReportDocument) -> RenderedPdf:
    letter, report = _layout(document, "letter"), _layout(document, "report")
    pages = letter.pages + report.pages
    # Each part keeps its own page numbering ("Página N de M" counts the report's pages only).
    return RenderedPdf(content=letter.copy(pages).write_pdf(), pages=len(pages))


def render_pdf(document: ReportDocument) -> bytes:
    return render_pdf_document(document).content
