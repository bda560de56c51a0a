"""Sheets as PDF (DTP layout, "Página N de M") and XLSX (real numbers, no formulas from text)."""

import re
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import Role


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def test_igm_sheets_pdf_numbers_every_page_of_the_whole_document(client, igm_pom, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    response = client.get(reverse("indicators:plan_sheets_pdf", args=[igm_pom.pk]))

    pages = pdf_pages(response.content)
    assert response["Content-Type"] == "application/pdf"
    # Four sheets of two pages each, as in the POM, then the multiannual table.
    assert len(pages) == 9
    assert all(f"Página: {n} de 9" in text for n, text in enumerate(pages, start=1))
    assert "FICHA TÉCNICA PARA DEFINICIÓN\nDE INDICADORES" in pages[0]
    assert "Ministerio de Finanzas Públicas" in pages[0]
    assert "1120-0069-000-000 INSTITUTO GUATEMALTECO DE MIGRACIÓN" in pages[0]
    assert "1. Porcentaje de asistencia y protección de migrantes" in pages[0]
    assert "83.77" in pages[0]
    assert "Notas Técnicas" in pages[1]
    assert "FICHA DE INDICADORES DE PRODUCTOS A NIVEL MULTIANUAL" in pages[8]
    assert "105,992,530" in pages[8]


def test_sheet_xlsx_has_real_numbers_and_neutralised_text(client, small_world):
    sheet = small_world.sheet
    sheet.responsible_unit = '=HYPERLINK("http://malo")'
    sheet.technical_notes = "@SUM(A1)"
    sheet.save()
    client.force_login(small_world.auditor)

    response = client.get(reverse("indicators:sheet_xlsx", args=[sheet.pk]))

    worksheet = load_workbook(BytesIO(response.content)).active
    cells = [cell for row in worksheet.iter_rows() for cell in row if cell.value is not None]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert not any(cell.data_type == "f" for cell in cells)
    assert "'@SUM(A1)" in texts
    assert '\'=HYPERLINK("http://malo")' in texts
    values_row = next(row for row in worksheet.iter_rows(values_only=True) if row[0] == "Valor")
    assert values_row[1:3] == (97.53, 100)  # baseline 2023 and the 2026 value


def test_igm_workbook_has_a_sheet_per_indicator_and_the_multiannual_table(client, igm_pom, igm_user):
    client.force_login(igm_user(Role.PLANNER))
    response = client.get(reverse("indicators:plan_sheets_xlsx", args=[igm_pom.pk]))

    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Ficha 1", "Ficha 2", "Ficha 3", "Ficha 4", "Indicadores multianual"]
    rows = list(workbook["Indicadores multianual"].iter_rows(values_only=True))
    emission = next(row for row in rows if row[2] == "Porcentaje de documentos migratorios emitidos")
    # The document's figures as written: 2030 "1,517" (see DESIGN.md), total 6,843,634.
    assert emission[3:6] == (2023, 758200, 97.53)
    assert emission[-4:] == (1517, 100, 6843634, 100)


def test_sheet_page_shows_the_dtp_layout_and_the_computed_value(client, igm_pom, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    sheet = igm_pom.indicator_sheets.get(position=1)

    response = client.get(reverse("indicators:sheet_detail", args=[sheet.pk]), {"year": 2024, "period": 3})

    html = response.content.decode()
    assert "FICHA TÉCNICA PARA DEFINICIÓN DE INDICADORES" in html
    assert '81,370 ÷ 105,731 × 100 = <strong class="value">76.96 %</strong>' in html
    assert "light-amarillo" in html


def test_plan_xlsx_prints_each_sheet_one_page_wide_and_freezes_the_wide_table(client, igm_pom, igm_user):
    client.force_login(igm_user(Role.PLANNER))
    response = client.get(reverse("indicators:plan_sheets_xlsx", args=[igm_pom.pk]))

    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Ficha 1", "Ficha 2", "Ficha 3", "Ficha 4", "Indicadores multianual"]
    for name in workbook.sheetnames[:4]:
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "portrait"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    table = workbook["Indicadores multianual"]
    assert table.freeze_panes == "B3" and table.print_title_rows == "$2:$2"
    assert table.page_setup.orientation == "landscape" and table.page_setup.fitToWidth == 1


def test_igm_sheets_have_distinct_codes_on_the_list(client, igm_pom, igm_user):
    """The POM's four sheets are numbered 1 to 4 in the order the document gives them."""
    client.force_login(igm_user(Role.PLANNER))
    html = client.get(
        reverse("indicators:index"), {"plan": igm_pom.pk, "year": 2024, "period": 3}
    ).content.decode()
    codes = re.findall(r'<tr data-sheet="\d+">\s*<td>([^<]*)</td>', html)
    assert codes == ["1", "2", "3", "4"]


def test_sheet_pdf_and_xlsx_carry_the_computed_value_and_its_light(client, igm_pom, igm_user):
    """Sheet 1 in 2024, period 3: 81,370 ÷ 105,731 × 100 = 76.96 %, amber (as on its page)."""
    client.force_login(igm_user(Role.DIRECTOR))
    sheet = igm_pom.indicator_sheets.get(position=1)
    query = {"year": 2024, "period": 3}

    pdf = " ".join(pdf_pages(client.get(reverse("indicators:sheet_pdf", args=[sheet.pk]), query).content))
    assert "81,370 ÷ 105,731 × 100 = 76.96 %" in " ".join(pdf.split())
    assert "Amarillo" in pdf

    response = client.get(reverse("indicators:sheet_xlsx", args=[sheet.pk]), query)
    rows = [row[:7] for row in load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True)]
    header = rows.index(
        ("Año", "Cuatrimestre", "Numerador", "Denominador", "Valor (%)", "Meta (%)", "Semáforo")
    )
    computed = rows[header + 1]
    assert computed[:5] == (2024, 3, 81370, 105731, 76.96) and computed[6] == "Amarillo"
