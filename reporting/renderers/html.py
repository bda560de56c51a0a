"""HTML rendering of the SIPLAN document (the download and the preview page)."""

import base64
import hashlib

from django.template.loader import render_to_string

from reporting.documents import SEGEPLAN_NAME, ReportDocument


def render_html(document: ReportDocument) -> bytes:
    """The standalone page: the letter, then the report, with its stylesheet inline."""
    context = {"document": document, "segeplan_name": SEGEPLAN_NAME}
    return render_to_string("reporting/document/standalone.html", context).encode()


def inline_style_source() -> str:
    """The Content-Security-Policy source that admits the document's own inline stylesheet (its hash),
    so the page that frames the preview keeps inline styles refused everywhere else."""
    css = render_to_string("reporting/document/document.css")
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"
