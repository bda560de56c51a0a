"""A long SIPLAN report is laid out in parts in parallel (reporting/renderers/pdf.py) and reads as
the one-layout document: the same rows in the same order, one page sequence, the letter and the
opening lines once at the start, the legend and the signature box once at the end, and it signs."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from reporting.renderers import pdf
from reporting.renderers.pdf import render_pdf_document, report_parts
from reporting.selectors.documents import live_report_document
from reporting.signing import ANCHOR, sign_pdf, signature_verify
from seeding.synthetic import synthetic_build


@pytest.fixture
def long_document(db, monkeypatch):
    # 6 products of 10 subproducts: 66 rows; two parts of 33 once a part may hold 30 rows (the
    # threshold is lowered so the test lays out a few pages, not dozens).
    monkeypatch.setattr(pdf, "ROWS_PER_PART", 30)
    institution = synthetic_build(code="LARGO", start_year=2024, products=6, subproducts=10).institutions[0]
    return live_report_document(institution=institution, year=2024, period=3)


def names(document_or_parts) -> list[str]:
    return [row.name for block in document_or_parts for row in block.rows]


def test_parts_share_the_rows_in_order_and_repeat_no_heading(long_document):
    blocks = long_document.report.blocks
    rows = len(names(blocks))
    assert rows == 66 and rows // pdf.ROWS_PER_PART == 2

    first, second = report_parts(long_document, 2)

    assert [len(names(part)) for part in (first, second)] == [33, 33]
    assert names(first) + names(second) == names(blocks)
    # A block cut between the parts keeps its heading in the first part only.
    assert not any(block.continued for block in first)
    cut = [block.title for block in second if block.continued]
    assert cut == ([first[-1].title] if first[-1].title == second[0].title else [])


def texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def test_the_report_in_parts_reads_as_the_one_layout_document(long_document):
    one = render_pdf_document(long_document, processes=1)
    parts = render_pdf_document(long_document, processes=2)

    one_pages, part_pages = texts(one.content), texts(parts.content)
    # Each part starts a page: at most one page more than the single layout.
    assert one.pages <= parts.pages <= one.pages + 1 and len(part_pages) == parts.pages
    total = parts.pages
    assert all(
        re.findall(r"Página (\d+) de (\d+)", text) == [(str(n), str(total))]
        for n, text in enumerate(part_pages, 1)
    )
    assert "Señor Secretario" in part_pages[0] and not any("Señor Secretario" in t for t in part_pages[1:])
    joined = "\n".join(part_pages)
    for once in (
        "Productos vinculados a RI/PGG",
        "Sobreejecución: lo acumulado",
        "Firma y sello de la máxima autoridad",
    ):
        assert joined.count(once) == 1 == "\n".join(one_pages).count(once)
    # Every subproduct, in the order of the single layout.
    order = re.findall(r"Subproducto \d+ de Producto \d+", joined)
    assert order == re.findall(r"Subproducto \d+ de Producto \d+", "\n".join(one_pages))
    assert len(set(order)) == 60

    # The signature box is found on the last page and the document signs and verifies.
    reader = PdfReader(BytesIO(parts.content))
    assert reader.get_destination_page_number(reader.named_destinations[ANCHOR]) == total - 1
    signed = sign_pdf(parts.content, signer_name="Persona Sintética", reason="Prueba")
    assert signature_verify(signed).valid
