"""PDF from our own HTML templates (WeasyPrint). Images arrive as data: URIs; nothing is fetched."""

from django.conf import settings
from django.template.loader import render_to_string

# The font every document is set in (DejaVu Sans, in the CSS); the signature stamp draws with it too.
DOCUMENT_FONT_FILE = getattr(settings, "IGM_PDF_FONT_FILE", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pdf_layout(template: str, context: dict):
    """WeasyPrint's laid-out pages of one of our templates."""
    from weasyprint import HTML  # a heavy import, paid only when a PDF is made

    return HTML(string=render_to_string(template, context), base_url=None).render()


def pdf_from_template(template: str, context: dict) -> bytes:
    return pdf_layout(template, context).write_pdf()
