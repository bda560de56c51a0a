"""The consolidated XLSX and PDF, run as report jobs with their progress, for the requester's scope."""

from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from national.selectors import national_lines
from planning.models import Institution
from reporting.models import ReportJob

PARAMETERS = {"year": "2024", "period": "3"}


def export(client, django_capture_on_commit_callbacks, format: str, **filters) -> ReportJob:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nacional/exportar/", {**PARAMETERS, **filters, "format": format})
    job = ReportJob.objects.get(kind="national", format=format)
    assert response.url == f"/reportes/trabajos/{job.pk}/"
    return job


def test_consolidated_xlsx_has_a_summary_and_a_sheet_per_institution(
    client, igm, small_world, django_capture_on_commit_callbacks
):
    client.force_login(small_world.segeplan)
    job = export(client, django_capture_on_commit_callbacks, "xlsx")
    assert (job.status, job.percent, job.institution, job.filename) == (
        "done",
        100,
        None,
        "national-2024-c3.xlsx",
    )
    book = load_workbook(BytesIO(job.file.read()))
    lines = national_lines(
        institutions=Institution.objects.all(),
        year=2024,
        period=3,
        today=job.created_at.date(),
    )
    assert book.sheetnames == ["Resumen", *(line.code for line in lines)] == ["Resumen", "IGM", "INP", "VEC"]
    summary = book["Resumen"]
    rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=5, max_col=7)]
    assert [(row[0], row[2], round(row[5], 2), round(row[6], 2)) for row in rows] == [
        (line.code, line.status_label, float(line.financial_pct), float(line.physical_pct)) for line in lines
    ]
    igm_sheet = book["IGM"]
    products = [row[0].value for row in igm_sheet.iter_rows(min_row=5) if row[2].value == "Física"]
    assert products == [row.name for row in lines[0].products]
    # The job page shows its progress and its download.
    page = client.get(f"/reportes/trabajos/{job.pk}/").content.decode()
    assert "Informe cuatrimestral consolidado" in page and f"/reportes/trabajos/{job.pk}/descargar/" in page
    assert client.get(f"/reportes/trabajos/{job.pk}/descargar/").status_code == 200


def test_consolidated_pdf_summary_missing_reports_and_product_tables(
    client, igm, small_world, django_capture_on_commit_callbacks
):
    client.force_login(small_world.segeplan)
    job = export(client, django_capture_on_commit_callbacks, "pdf", q="I")
    reader = PdfReader(BytesIO(job.file.read()))
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(pages)
    assert "Informe cuatrimestral consolidado" in text
    assert "Instituciones que no han reportado" in text
    assert "Control Registro de Nacionales" in text and "Instituto de Prueba" in text
    # Laid out in parts, merged: one page sequence and a bookmark per institution after the summary.
    assert f"Página 1 de {len(pages)}" in pages[0] and f"Página {len(pages)} de {len(pages)}" in pages[-1]
    titles = [item.title for item in reader.outline]
    assert titles[0] == "Informe cuatrimestral consolidado"
    assert [title.split()[0] for title in titles[1:]] == sorted(title.split()[0] for title in titles[1:])
    assert {"IGM", "INP"} <= {title.split()[0] for title in titles[1:]}


def test_only_the_requester_reads_the_job_and_text_is_neutralised(
    client, igm, small_world, django_capture_on_commit_callbacks
):
    Institution.objects.filter(pk=small_world.institution.pk).update(name='=HYPERLINK("x")')
    client.force_login(small_world.segeplan)
    job = export(client, django_capture_on_commit_callbacks, "xlsx", q="INP")
    book = load_workbook(BytesIO(job.file.read()))
    assert book["Resumen"]["B5"].value == '\'=HYPERLINK("x")'
    client.force_login(small_world.planner)
    assert client.get(f"/reportes/trabajos/{job.pk}/").status_code == 404
    # An officer reads their line but does not export.
    client.force_login(small_world.officer)
    assert client.post("/nacional/exportar/", {**PARAMETERS, "format": "xlsx"}).status_code == 403
