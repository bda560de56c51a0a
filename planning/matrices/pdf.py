"""The POM matrices as a landscape PDF."""

from __future__ import annotations

from common.pdf import pdf_layout
from planning.matrices.model import PomMatrices


def matrices_pdf_layout(matrices: PomMatrices):
    return pdf_layout("planning/matrices/matrices_pdf.html", {"m": matrices})


def matrices_pdf(matrices: PomMatrices) -> bytes:
    return matrices_pdf_layout(matrices).write_pdf()
