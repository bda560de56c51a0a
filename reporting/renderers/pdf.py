"""PDF rendering with WeasyPrint: the cover letter (portrait) followed by the report (landscape)."""

from dataclasses import dataclass
from functools import cache

from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from reporting.documents import ReportDocument

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
