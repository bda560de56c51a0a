"""Acceptance: every figure of IGM's 2024 third-period report, in the HTML, the XLSX cells and the
PDF's text, equals the selector's JSON (which reproduces reference/siplan-cuatrimestre-3-2024.txt)."""

import re
from decimal import Decimal
from html.parser import HTMLParser
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from common.formats import figure
from reporting.renderers.html import render_html
from reporting.renderers.pdf import render_pdf
from reporting.renderers.xlsx import render_xlsx
from reporting.selectors.documents import live_report_document
from reporting.selectors.siplan import siplan_report
from tests.siplan_reference import LINE_KEYS

# The line's figures printed as figures (the reprogrammings are a count).
FIGURES = tuple(key for key in LINE_KEYS if key != "reprogrammings")
MONEY = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)")


def line_figures(line: dict) -> list[str]:
    """The line's figures from the JSON, in column order (months expanded), as strings."""
    values = []
    for key in FIGURES:
        values.extend(line[key] if key == "months" else [line[key]])
    return values


@pytest.fixture
def igm_report(igm):
    data = siplan_report(institution=igm, year=2024, period=3).to_json_data()
    # Sanity: the JSON is the reference's (a few figures straight from the document).
    control = data["blocks"][0]["rows"][0]
    assert control["physical"]["accumulated"] == "11766120.00"
    assert control["financial"]["months"][0] == "5144927.81"
    return data, live_report_document(institution=igm, year=2024, period=3)


def json_rows(data):
    return [row for block in data["blocks"] for row in block["rows"]]


class PairCells(HTMLParser):
    """Text of each <td> in each <tbody data-row=...> (a product or subproduct row pair)."""

    def __init__(self):
        super().__init__()
        self.rows, self.current, self.cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody" and "data-row" in attrs:
            self.current = self.rows.setdefault(attrs["data-row"], [])
        elif tag == "td" and self.current is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.current.append("".join(self.cell).replace("▲", "").strip())
            self.cell = None
        elif tag == "tbody":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_html_figures_equal_the_json(igm_report):
    data, document = igm_report
    parser = PairCells()
    parser.feed(render_html(document).decode())
    rows = json_rows(data)
    assert len(parser.rows) == len(rows) == 17
    for row in rows:
        cells = parser.rows[f"{row['kind']}-{row['id']}"]
        assert cells[:3] == [row["name"], row["unit"], "Física"]
        physical, financial = cells[3:16], cells[17:]
        assert cells[16] == "Financiera"
        for shown, line in ((physical, row["physical"]), (financial, row["financial"])):
            assert shown[1] == str(line["reprogrammings"])
            numbers = [shown[0], shown[2], *shown[4:]]
            assert numbers == [figure(value) for value in line_figures(line)], row["name"]


def test_xlsx_cells_equal_the_json(igm_report):
    data, document = igm_report
    sheet = load_workbook(BytesIO(render_xlsx(document)))["Reporte"]
    lines = [
        row for row in sheet.iter_rows(min_row=8, values_only=True) if row[2] in ("Física", "Financiera")
    ]
    rows = json_rows(data)
    assert len(lines) == 2 * len(rows)
    for index, row in enumerate(rows):
        for offset, key in enumerate(("physical", "financial")):
            cells, line = lines[2 * index + offset], row[key]
            assert cells[0] == row["name"]
            assert cells[4] == line["reprogrammings"]
            numbers = [cells[3], cells[5], *cells[7:16]]
            assert all(isinstance(value, int | float) for value in numbers)
            expected = [Decimal(value) for value in line_figures(line)]
            assert [Decimal(str(value)).quantize(Decimal("0.01")) for value in numbers] == expected


def test_pdf_text_figures_equal_the_json(igm_report):
    data, document = igm_report
    pages = PdfReader(BytesIO(render_pdf(document))).pages
    text = "\n".join(page.extract_text() for page in pages[1:])  # page 1 is the cover letter
    tables = text.split("Sobreejecución:")[0]
    expected = [
        figure(value)
        for row in json_rows(data)
        for key in ("physical", "financial")
        for value in line_figures(row[key])
    ]
    assert MONEY.findall(tables) == expected
    assert "Firma y sello de la máxima autoridad" in text and "Lic. Alfredo Danilo Rivera" in text
