"""PDF rendering with WeasyPrint: the cover letter (portrait) followed by the report (landscape)."""

from dataclasses import dataclass

from weasyprint import HTML

from reporting.documents import ReportDocument

from .html import render_html_text


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def render_pdf_document(document: ReportDocument) -> RenderedPdf:
    letter = HTML(string=render_html_text(document, part="letter")).render()
    report = HTML(string=render_html_text(document, part="report")).render()
    pages = letter.pages + report.pages
    # Each part keeps its own page numbering ("Página N de M" counts the report's pages only).
    return RenderedPdf(content=letter.copy(pages).write_pdf(), pages=len(pages))


def render_pdf(document: ReportDocument) -> bytes:
    return render_pdf_document(document).content
