"""HTML rendering of the SIPLAN document (also the input WeasyPrint lays out)."""

import base64
import hashlib

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


def inline_style_source() -> str:
    """The Content-Security-Policy source that admits the document's own inline stylesheet (its hash),
    so the page that frames the preview keeps inline styles refused everywhere else."""
    css = render_to_string("reporting/document/document.css")
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"
