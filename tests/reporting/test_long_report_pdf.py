"""A long SIPLAN report's PDF (reporting/renderers/pdf.py): its result blocks go to the page a page
at a time, each page a table of whole rows under the repeated header, one page sequence from the
letter to the signature box, every row once and in order, and the document signs."""

import re
from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.lib.rl_accel import fp_str

from reporting.renderers.pdf import render_pdf_document
from reporting.renderers.pdf_table import STRIPE
from reporting.selectors.documents import live_report_document
from reporting.signing import ANCHOR, sign_pdf, signature_verify
from seeding.synthetic import synthetic_build
from tests.cast.siplan_excerpt import SHELTERS, siplan_excerpt_document, siplan_excerpt_report

SUBPRODUCT = re.compile(r"Subproducto \d+ de Producto \d+")


@pytest.fixture
def long_document(db):
    # 6 products of 10 subproducts: 66 rows, several pages.
    institution = synthetic_build(code="LARGO", start_year=2024, products=6, subproducts=10).institutions[0]
    return live_report_document(institution=institution, year=2024, period=3)


def texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def table_pages(content: bytes) -> list[str]:
    """The report's pages up to the legend that follows the tables (the notes after it name rows
    again), without the letter."""
    pages = texts(content)[1:]
    legend = next(index for index, text in enumerate(pages) if "Sobreejecución:" in text)
    return [text.split("Sobreejecución:")[0] for text in pages[: legend + 1]]


def test_a_long_report_is_one_numbered_sequence_with_every_row_once_in_order(long_document):
    rendered = render_pdf_document(long_document)
    pages = texts(rendered.content)
    total = rendered.pages
    assert total == len(pages) > 4
    assert all(
        re.findall(r"Página (\d+) de (\d+)", text) == [(str(n), str(total))]
        for n, text in enumerate(pages, 1)
    )
    assert "Señor Secretario" in pages[0] and not any("Señor Secretario" in text for text in pages[1:])
    joined = "\n".join(pages)
    for once in (
        "Productos vinculados a RI/PGG",
        "Sobreejecución: lo acumulado",
        "Firma y sello de la máxima",
    ):
        assert joined.count(once) == 1
    expected = [
        row.name for block in long_document.report.blocks for row in block.rows if row.kind == "subproduct"
    ]
    tables = joined.split("Sobreejecución:")[0]  # the notes after the tables name rows again
    assert SUBPRODUCT.findall(tables) == expected and len(expected) == 60


def test_every_table_page_repeats_the_header_and_is_filled_before_the_next(long_document):
    pages = texts(render_pdf_document(long_document).content)[1:]  # after the letter
    with_rows = table_pages(render_pdf_document(long_document).content)
    assert all("Sistema de Planes Institucionales -SIPLAN-" in text for text in pages)
    assert all("Producto/Subproducto" in text and "Septiembre" in text for text in with_rows)
    # A legal landscape page holds about ten rows of two lines: no table page but the last is short.
    counts = [len(SUBPRODUCT.findall(text)) for text in with_rows]
    # (fewer where a result's heading and a new table header take room).
    assert all(count >= 6 for count in counts[:-1]), counts


def test_a_row_keeps_its_two_lines_on_one_page(long_document):
    """Each subproduct's page carries both of its lines: its physical and financial current goals."""
    pages = table_pages(render_pdf_document(long_document).content)
    rows = {row.name: row for block in long_document.report.blocks for row in block.rows}
    for text in pages:
        for name in SUBPRODUCT.findall(text):
            row = rows[name]
            for line in (row.physical, row.financial):
                assert f"{line.current:,.2f}" in text, (name, line.measure)


def test_the_signature_box_is_on_the_last_page_and_the_document_signs(long_document):
    content = render_pdf_document(long_document).content
    reader = PdfReader(BytesIO(content))
    assert reader.get_destination_page_number(reader.named_destinations[ANCHOR]) == len(reader.pages) - 1
    signed = sign_pdf(content, signer_name="Persona Sintética", reason="Prueba")
    assert signature_verify(signed).valid


def test_names_with_markup_characters_are_printed_as_written():
    name = "Albergue <b>Norte</b> & Sur"
    report = siplan_excerpt_report(rows=(replace(SHELTERS, name=name),))
    text = "\n".join(texts(render_pdf_document(siplan_excerpt_document(report=report)).content))
    assert "Albergue <b>Norte</b> & Sur" in text.replace("\n", " ")


def stripe_cells(content: bytes) -> int:
    """How many boxes the report pages stripe: the stripes' colour is set once per box."""
    colour = " ".join(fp_str(part) for part in STRIPE.rgb()).encode() + b" RG"
    return sum(page.get_contents().get_data().count(colour) for page in PdfReader(BytesIO(content)).pages[1:])


def test_months_without_execution_are_striped_and_over_execution_is_marked():
    # The excerpt's product has two months of financial execution not reported (September and
    # November), and its shelters subproduct is over-executed at 103.98 %.
    content = render_pdf_document(siplan_excerpt_document()).content
    assert stripe_cells(content) == 2 + 1  # and the legend's swatch
    assert "103.98 ▲" in "\n".join(texts(content))

    all_reported = siplan_excerpt_report(rows=(SHELTERS,))
    assert stripe_cells(render_pdf_document(siplan_excerpt_document(report=all_reported)).content) == 1
