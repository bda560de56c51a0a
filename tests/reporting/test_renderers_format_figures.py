"""The renderers print every figure exactly as the report data holds it, in the reference style.

Their input is a two-row excerpt of IGM's report of 2024's third period, built by hand from the
SIPLAN reference (tests/cast/siplan_excerpt.py): no database, and every figure visible in the
reference document next to the literal expected here."""

from dataclasses import replace
from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from reporting.documents import document_from_json
from reporting.renderers.html import render_html
from reporting.renderers.pdf import render_pdf_document
from reporting.renderers.xlsx import render_xlsx
from tests.cast.siplan_excerpt import CONTRIBUTIONS, SHELTERS, siplan_excerpt_document, siplan_excerpt_report


def test_document_round_trips_through_json():
    document = siplan_excerpt_document()
    assert document_from_json(document.to_json_data()) == document


def test_snapshot_approved_before_deviation_figures_were_recorded_still_loads():
    data = siplan_excerpt_document().to_json_data()
    for item in data["deviations"]:
        del item["expected"], item["accumulated"]
    deviation = document_from_json(data).deviations[0]
    assert deviation.text == "Aumento de retornos en diciembre."
    assert deviation.expected is None and deviation.accumulated is None


def test_html_contains_letter_header_rows_and_signature():
    html = render_html(siplan_excerpt_document()).decode()
    assert "OFICIO-IGM-DG-026-2025" in html
    assert "Guatemala, 14 de enero 2025" in html
    assert "Artículo 17 Bis" in html
    assert "Tercer Cuatrimestre (septiembre - diciembre)" in html
    assert "Reporte de Avance de Metas Físicas y Financieras" in html
    assert "Ejecución mensual - Tercer Cuatrimestre 2024" in html
    assert "Sin Resultado" in html
    assert "Firma y sello de la máxima autoridad" in html
    for figure in ("60,225,000.00", "7,885,115.74", "24,462,555.58", "59,790,947.63", "99.28", "103.98"):
        assert figure in html


def test_html_marks_over_execution_and_months_without_execution():
    html = render_html(siplan_excerpt_document()).decode()
    # Shelters' financial accumulated (8,438,072.00 = 103.98 %) is over-executed.
    assert '<td class="num over">8,438,072.00</td>' in html
    # Contributions reported no financial execution in September and November.
    assert html.count('class="num no-exec"') == 2


def test_product_row_comes_before_its_subproducts():
    html = render_html(
        siplan_excerpt_document(report=siplan_excerpt_report(rows=(CONTRIBUTIONS, SHELTERS)))
    ).decode()
    assert html.index(CONTRIBUTIONS.name) < html.index(SHELTERS.name)
    assert 'class="pair product"' in html and 'class="pair subproduct"' in html


def test_draft_is_marked_as_such():
    assert "BORRADOR" in render_html(siplan_excerpt_document(draft=True)).decode()
    assert "BORRADOR" not in render_html(siplan_excerpt_document(draft=False)).decode()


def test_xlsx_cells_are_numbers_with_formats_and_frozen_header():
    workbook = load_workbook(BytesIO(render_xlsx(siplan_excerpt_document())))
    sheet = workbook["Reporte"]
    assert sheet.freeze_panes == "B8"
    rows = [row for row in sheet.iter_rows(min_row=8) if row[0].value == SHELTERS.name]
    financial = rows[1]
    assert financial[2].value == "Financiera"
    assert financial[3].value == 8114876
    assert financial[3].number_format == "#,##0.00"
    assert financial[13].value == 8438072 and financial[13].font.color.rgb.endswith("B42318")
    assert financial[14].value == 103.98 and financial[14].number_format == "0.00"
    contributions = [row for row in sheet.iter_rows(min_row=8) if row[0].value == CONTRIBUTIONS.name][1]
    assert contributions[7].fill.fill_type == "lightUp"  # September: no execution reported
    assert contributions[8].fill.fill_type is None
    detail = workbook["Detalle mensual"]
    assert detail.freeze_panes == "C2"
    assert [c.value for c in detail[2]][:6] == [
        "CC-01",
        "Delegación Central",
        "S-ALB",
        SHELTERS.name,
        4338,
        4505,
    ]
    assert detail[2][6].value is None


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    for text in ('=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"):
        cell = load_workbook(BytesIO(render_xlsx(siplan_excerpt_document(detail_name=text))))[
            "Detalle mensual"
        ]["B2"]
        assert cell.data_type == "s" and cell.value == "'" + text


def test_pdf_has_letter_then_report_numbered_as_one_sequence_with_the_figures():
    rendered = render_pdf_document(siplan_excerpt_document())
    reader = PdfReader(BytesIO(rendered.content))
    assert len(reader.pages) == rendered.pages == 2
    letter, report = (page.extract_text() for page in reader.pages)
    assert "OFICIO-IGM-DG-026-2025" in letter and "Página 1 de 2" in letter
    assert "Página 2 de 2" in report
    assert "Firma y sello de la máxima autoridad" in report
    for figure in ("110,613.00", "8,114,876.00", "1,076,973.59", "3,039,830.61", "8,438,072.00", "103.98"):
        assert figure in report


def test_long_pdf_repeats_header_and_table_head_on_every_page():
    rows = tuple(replace(SHELTERS, id=n, name=f"Subproducto {n:03d}") for n in range(25))
    content = render_pdf_document(siplan_excerpt_document(report=siplan_excerpt_report(rows=rows))).content
    pages = [page.extract_text() for page in PdfReader(BytesIO(content)).pages]
    assert len(pages) > 3
    assert f"Página 1 de {len(pages)}" in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Página {number} de {len(pages)}" in text
        assert "Sistema de Planes Institucionales -SIPLAN-" in text
        assert "Producto/Subproducto" in text
    assert "Subproducto 024" in pages[-1]


def test_xlsx_prints_landscape_one_page_wide_with_the_header_on_every_page():
    workbook = load_workbook(BytesIO(render_xlsx(siplan_excerpt_document())))

    for name, title_rows in (("Reporte", "$7:$7"), ("Detalle mensual", "$1:$1")):
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == title_rows
