"""The POM matrices as a landscape PDF."""

from __future__ import annotations

from common.pdf import pdf_from_template, pdf_layout
from planning.matrices.model import PomMatrices

TEMPLATE = "planning/matrices/matrices_pdf.html"


def matrices_pdf_layout(matrices: PomMatrices):
    return pdf_layout(TEMPLATE, {"m": matrices})


def matrices_pdf(matrices: PomMatrices) -> bytes:
    return pdf_from_template(TEMPLATE, {"m": matrices})
