"""HTML rendering of the SIPLAN document (also the input WeasyPrint lays out)."""

from django.template.loader import render_to_string

from reporting.documents import SEGEPLAN_NAME, ReportDocument


def render_html_text(document: ReportDocument, *, part: str = "all", inline_css: bool = True) -> str:
    """The standalone page; ``part`` is ``all`` (letter then report), ``letter`` or ``report``."""
    return render_to_string(
        "reporting/document/standalone.html",
        {"document": document, "part": part, "segeplan_name": SEGEPLAN_NAME, "inline_css": inline_css},
    )


def render_html(document: ReportDocument) -> bytes:
    return render_html_text(document).encode()
