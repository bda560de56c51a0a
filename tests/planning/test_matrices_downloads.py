"""The POM matrices download as XLSX and PDF for the roles that read plans."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import Role
from planning.matrices.pdf import matrices_pdf_layout
from planning.models import Plan
from planning.selectors.matrices import pom_matrices
from tests.pdf_layout import tables_past_the_page, text_outside_cells


def _download(client, user, plan, fmt):
    """``user`` asks for the plan's matrices in that format."""
    client.force_login(user)
    return client.get(reverse("planning:plan_matrices", args=[plan.pk, fmt]))


def test_xlsx_has_the_four_matrices_and_no_formula_from_user_text(client, small_world):
    response = _download(client, small_world.director, small_world.pom, "xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="matrices-INP-POM-2026-2030.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Plan", "9.2 Resultados", "9.3 Categorías", "9.5 Metas", "8 Presupuesto"]
    result_cell = workbook["9.2 Resultados"]["B4"]
    assert result_cell.value == "'=Resultado que empieza con igual"
    assert result_cell.data_type == "s"
    goals = workbook["9.5 Metas"]
    assert [cell.value for cell in goals[5]][:6] == [
        "Producto",
        "P1",
        "Emisión de Documentos Migratorios",
        "Documento",
        1200,
        609.75,
    ]


def test_pdf_pages_are_numbered_and_carry_the_figures(client, small_world):
    response = _download(client, small_world.auditor, small_world.pom, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert f"Página 1 de {len(reader.pages)}" in text
    assert "9.5 Productos, subproductos y metas multianuales" in text
    assert "Q 82,260,609.75" in text  # section 8 total for 2026 as declared
    assert "=Resultado que empieza con igual" in text


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_officer_cannot_download(client, small_world, fmt):
    assert _download(client, small_world.officer, small_world.pom, fmt).status_code == 403


def test_unknown_format_is_not_found(client, small_world):
    assert _download(client, small_world.planner, small_world.pom, "csv").status_code == 404


def test_pdf_figures_of_igm_pom_stay_inside_their_cells(igm_pom):
    """9.5 has ten figure columns; the widest bold amounts (Q 109,032,118.00) and physical goals
    (24,997,254) and the unit «Documento» must not run over the cell borders."""

    layout = matrices_pdf_layout(pom_matrices(plan=igm_pom))

    assert text_outside_cells(layout) == []
    assert len(layout.pages) == 4


def test_a_ten_year_plan_prints_matrix_9_5_in_two_tables_that_fit_the_page(igm):
    """IGM's PEI runs 2021-2030: twenty figure columns do not fit a landscape page."""
    pei = Plan.objects.get(institution=igm, start_year=2021, end_year=2030)
    layout = matrices_pdf_layout(pom_matrices(plan=pei))
    text = PdfReader(io.BytesIO(layout.write_pdf())).pages
    headings = [line for page in text for line in page.extract_text().splitlines() if line.startswith("9.5 ")]
    assert headings == [
        "9.5 Productos, subproductos y metas multianuales (metas vigentes), 2021–2025",
        "9.5 Productos, subproductos y metas multianuales (metas vigentes), 2026–2030",
    ]
    assert tables_past_the_page(layout) == []
    assert text_outside_cells(layout) == []


def test_xlsx_headers_stay_frozen_and_print_on_every_page_one_page_wide(client, small_world):
    workbook = load_workbook(
        io.BytesIO(_download(client, small_world.planner, small_world.pom, "xlsx").content)
    )

    layout = {
        name: (
            sheet.freeze_panes,
            sheet.print_title_rows,
            sheet.page_setup.orientation,
            sheet.page_setup.fitToWidth,
            sheet.sheet_properties.pageSetUpPr.fitToPage,
        )
        for name, sheet in ((name, workbook[name]) for name in workbook.sheetnames[1:])
    }
    assert layout == {
        "9.2 Resultados": ("A4", "$3:$3", "landscape", 1, True),
        "9.3 Categorías": ("A4", "$3:$3", "landscape", 1, True),
        "9.5 Metas": ("A5", "$3:$4", "landscape", 1, True),
        "8 Presupuesto": ("A4", "$3:$3", "landscape", 1, True),
    }


def test_xlsx_writes_baselines_in_their_unit_not_in_quetzales(client, igm_user, igm_pom):
    """IGM's POM: the persons result's baseline is 64,660 persons (2021), its delegations one 1."""
    response = _download(client, igm_user(Role.DIRECTOR), igm_pom, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content))["9.2 Resultados"]
    baselines = {row[3].value: row[5] for row in sheet.iter_rows(min_row=4) if row[5].value is not None}
    assert baselines["Persona"].value == 64660
    assert baselines["Persona"].number_format == "#,##0"
    assert baselines["Delegación"].value == 1
    assert baselines["Delegación"].number_format == "#,##0"
