"""PDF from our own HTML templates (WeasyPrint). Images arrive as data: URIs; nothing is fetched."""

from django.template.loader import render_to_string


def pdf_layout(template: str, context: dict):
    """WeasyPrint's laid-out pages of one of our templates."""
    from weasyprint import HTML  # a heavy import, paid only when a PDF is made

    return HTML(string=render_to_string(template, context), base_url=None).render()


def pdf_from_template(template: str, context: dict) -> bytes:
    return pdf_layout(template, context).write_pdf()
