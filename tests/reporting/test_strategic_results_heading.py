"""The reference report closes with the heading "Productos vinculados a RE" and no product under it
(IGM links its products to institutional results only); HTML, XLSX and PDF print it the same way."""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reporting.renderers.html import render_html
from reporting.renderers.pdf import render_pdf
from reporting.renderers.xlsx import render_xlsx
from reporting.selectors.documents import live_report_document
from tests.siplan_reference import REFERENCE_DIR


def reference_last_section() -> tuple[str, str]:
    """The reference's last "Productos vinculados a …" heading and the first line after it."""
    text = (REFERENCE_DIR / "siplan-cuatrimestre-3-2024.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    index = max(i for i, line in enumerate(lines) if line.startswith("Productos vinculados a"))
    return lines[index], lines[index + 1]


HEADING, FOLLOWING = reference_last_section()
LAST_ROW = "Prorroga de Documentos Migratorios"  # the reference's last table row


def test_reference_closes_with_an_empty_re_section_before_the_signature():
    assert (HEADING, FOLLOWING) == ("Productos vinculados a RE", "Firma y sello de la máxima autoridad")


@pytest.fixture
def document(igm):
    return live_report_document(institution=igm, year=2024, period=3)


def test_html_prints_the_heading_alone_after_the_tables(document):
    html = render_html(document).decode()
    start = html.index(HEADING)
    assert html.rindex('<tbody class="pair') < start  # after the last product row
    between = html[start + len(HEADING) : html.index(FOLLOWING)]
    assert re.sub(r"<[^>]+>", "", between).strip() == ""  # nothing listed under it
    assert html.count(HEADING) == 1 and "Productos vinculados a RI/PGG 2024-2028" in html


def test_xlsx_has_the_heading_alone_after_the_tables(document):
    sheet = load_workbook(BytesIO(render_xlsx(document)))["Reporte"]
    column = [(cell.row, cell.value) for cell in sheet["A"] if cell.value]
    texts = [value for _row, value in column]
    index = texts.index(HEADING)
    assert texts[index + 1] == FOLLOWING
    last_line = max(cell.row for cell in sheet["C"] if cell.value == "Financiera")
    assert column[index][0] > last_line
    assert sheet.cell(row=column[index][0], column=1).font.bold


def test_pdf_text_has_the_heading_alone_after_the_last_row(document):
    pages = [page.extract_text() for page in PdfReader(BytesIO(render_pdf(document))).pages[1:]]
    text = "\n".join(pages)
    start = text.index(HEADING)
    assert text.rindex(LAST_ROW) < start
    assert text[start + len(HEADING) : text.index(FOLLOWING)].strip() == ""
    assert HEADING in pages[-1]
