"""Long PDFs in chunks: a plan's indicator sheets as one PDF made by a report job, laid out in parallel
or not to the same document, chunks of different page sizes in one; numbered over the whole
document, bookmarked, the job's bar at 100 %."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Role
from common.pdf import PdfChunk, render_pdf_chunks
from indicators.models import IndicatorSheet
from reporting.models import ReportJob
from reporting.renderers.indicator_sheets import SHEET_PAGE_NUMBERS, plan_sheets_chunks

# IGM's POM 2026-2030 has four sheets of two pages each and the multiannual table on one page.
FIRST_SHEET = "Porcentaje de asistencia y protección de migrantes"


def outline_titles(reader: PdfReader) -> list:
    return [
        [item.title for item in entry] if isinstance(entry, list) else entry.title for entry in reader.outline
    ]


def test_director_gets_every_sheet_in_one_numbered_pdf_with_bookmarks(
    client, igm_pom, igm_user, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client.force_login(igm_user(Role.DIRECTOR))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:plan_sheets_job", args=[igm_pom.pk]))
    job = ReportJob.objects.get(kind=ReportJob.Kind.INDICATOR_SHEETS)
    assert response.status_code == 302 and response["Location"] == reverse("reporting:job", args=[job.pk])
    assert job.status == ReportJob.Status.DONE and job.percent == 100 and job.plan == igm_pom
    assert job.filename == "fichas-indicadores-IGM-2026-2030.pdf"

    download = client.get(reverse("reporting:job_download", args=[job.pk]))
    reader = PdfReader(BytesIO(b"".join(download.streaming_content)))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) == 9
    assert "Página 1 de 9" in pages[0] and FIRST_SHEET in pages[0]
    assert "Página 9 de 9" in pages[8] and "FICHA DE INDICADORES DE PRODUCTOS A NIVEL MULTIANUAL" in pages[8]
    assert all(f"Página {n} de 9" in text for n, text in enumerate(pages, start=1))
    assert not any("Página: " in text for text in pages)  # the chunks' own numbering is off

    outline = outline_titles(reader)
    assert outline[0] == "Fichas técnicas IGM 2026-2030"
    names = list(
        IndicatorSheet.objects.filter(plan=igm_pom).order_by("position").values_list("name", flat=True)
    )
    assert outline[1] == [*names, "Indicadores de productos a nivel multianual"]
    assert outline[1][0] == FIRST_SHEET
    # Each sheet's bookmark opens its first page: sheets are two pages long.
    starts = [reader.get_destination_page_number(item) for item in reader.outline[1]]
    assert starts == [0, 2, 4, 6, 8]

    status = client.get(reverse("reporting:job_status", args=[job.pk])).json()
    assert status["percent"] == 100 and status["status"] == "done"
    with django_assert_max_num_queries(8):
        client.get(reverse("reporting:job", args=[job.pk]))


def test_parallel_layout_gives_the_same_document(igm_pom):
    chunks = plan_sheets_chunks(igm_pom)
    seen = []
    one = render_pdf_chunks(chunks, page_number_css=SHEET_PAGE_NUMBERS, processes=1)
    two = render_pdf_chunks(
        chunks,
        page_number_css=SHEET_PAGE_NUMBERS,
        processes=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert one.chunk_pages == two.chunk_pages == (2, 2, 2, 2, 1)
    assert seen == [(n, 5) for n in range(1, 6)]
    texts = [[page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages] for pdf in (one, two)]
    assert texts[0] == texts[1]


def test_chunks_of_different_page_sizes_are_numbered_in_one_sequence(igm_pom):
    sheet, table = plan_sheets_chunks(igm_pom)[0], plan_sheets_chunks(igm_pom)[-1]
    merged = render_pdf_chunks([table, sheet, PdfChunk(table.template, table.context, ("Otra vez",))])
    reader = PdfReader(BytesIO(merged.content))
    sizes = [(round(page.mediabox.width), round(page.mediabox.height)) for page in reader.pages]
    assert sizes == [(842, 595), (595, 842), (595, 842), (842, 595)]  # A4 landscape, A4, A4, landscape
    assert [f"Página {n} de 4" in page.extract_text() for n, page in enumerate(reader.pages, start=1)] == [
        True
    ] * 4
    assert outline_titles(reader)[-1] == "Otra vez"


@pytest.mark.parametrize("role", [Role.OFFICER])
def test_roles_without_sheets_cannot_start_the_job(client, igm_pom, igm_user, role):
    client.force_login(igm_user(role))
    response = client.post(reverse("reporting:plan_sheets_job", args=[igm_pom.pk]))
    assert response.status_code == 403
    assert not ReportJob.objects.filter(kind=ReportJob.Kind.INDICATOR_SHEETS).exists()


def test_another_institutions_plan_is_not_found(client, igm_pom, small_world):
    client.force_login(small_world.planner)
    response = client.post(reverse("reporting:plan_sheets_job", args=[igm_pom.pk]))
    assert response.status_code == 404


def test_a_plan_without_sheets_fails_with_the_reason(
    client, igm_pom, igm_user, django_capture_on_commit_callbacks
):
    IndicatorSheet.objects.filter(plan=igm_pom).delete()
    client.force_login(igm_user(Role.DIRECTOR))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reporting:plan_sheets_job", args=[igm_pom.pk]))
    job = ReportJob.objects.get(kind=ReportJob.Kind.INDICATOR_SHEETS)
    assert job.status == ReportJob.Status.FAILED
    assert job.error == f"El plan «{igm_pom.name}» no tiene fichas técnicas."
