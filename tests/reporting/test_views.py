"""Pages: who may see them, what they show, jobs through the browser's endpoints, verification."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from budget.models import Execution
from reporting.models import DeviationNote, PeriodReport, ReportJob
from reporting.selectors.documents import live_report_document
from reporting.services.workflow import period_report_approve, period_report_submit
from tests.factories import InstitutionFactory, UserFactory

PERIOD = ("IGM", 2024, 3)


def test_anonymous_users_are_sent_to_log_in(client, igm):
    response = client.get(reverse("reporting:period", args=PERIOD))
    assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.parametrize("role", [Role.OFFICER])
def test_officers_cannot_open_reports(client, igm, role):
    client.force_login(UserFactory(role=role, institution=igm))
    assert client.get(reverse("reporting:index")).status_code == 403
    assert client.get(reverse("reporting:period", args=PERIOD)).status_code == 403


def test_director_of_another_institution_cannot_open_igm(client, igm):
    client.force_login(UserFactory(role=Role.DIRECTOR, institution=InstitutionFactory()))
    assert client.get(reverse("reporting:period", args=PERIOD)).status_code == 403
    assert client.get(reverse("reporting:preview", args=PERIOD)).status_code == 403


def test_index_shows_due_dates_and_statuses(lead_client):
    page = lead_client.get(reverse("reporting:index"), {"anio": 2024}).content.decode()
    assert "15/05/2024" in page and "15/09/2024" in page and "15/01/2025" in page
    assert "Atrasado" in page


def test_period_page_lists_deviations_and_frames_the_document(lead_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        page = lead_client.get(reverse("reporting:period", args=PERIOD)).content.decode()
    assert "Desviaciones que requieren explicación" in page
    assert "Informes de Ejecución Seguimiento Evaluación y Actualización de la Política Migratoria" in page
    assert reverse("reporting:preview", args=PERIOD) in page
    preview = lead_client.get(reverse("reporting:preview", args=PERIOD))
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "68,325,981.47" in preview.content.decode()


def test_submitting_without_explanations_shows_why(lead_client):
    response = lead_client.post(
        reverse("reporting:submit", args=PERIOD), {"addressee_title": "Secretario"}, follow=True
    )
    assert "Falta la explicación de desviación" in response.content.decode()


def test_deviation_notes_and_letter_data_are_saved_together_from_the_page(lead_client, igm):
    deviation = live_report_document(institution=igm, year=2024, period=3).deviations[0]
    response = lead_client.post(
        reverse("reporting:deviation_note", args=PERIOD),
        {
            f"note-{deviation.subproduct_id}-{deviation.measure_code}": "Retraso en compras.",
            "addressee_name": "Licenciado Pérez",
            "addressee_title": "Secretario",
        },
    )
    assert response.status_code == 302
    note = DeviationNote.objects.get(subproduct_id=deviation.subproduct_id, year=2024, period=3)
    assert (note.measure, note.text) == (deviation.measure_code, "Retraso en compras.")
    report = PeriodReport.objects.get(institution=igm, year=2024, period=3)
    assert (report.addressee_name, report.status) == ("Licenciado Pérez", PeriodReport.Status.DRAFT)


def test_job_is_requested_followed_and_downloaded(lead_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = lead_client.post(reverse("reporting:job_request", args=PERIOD), {"format": "xlsx"})
    job = ReportJob.objects.get()
    assert response.url == reverse("reporting:job", args=[job.pk])
    status = lead_client.get(reverse("reporting:job_status", args=[job.pk])).json()
    assert status["status"] == "done" and status["percent"] == 100
    download = lead_client.get(status["download_url"])
    assert download["Content-Disposition"] == 'attachment; filename="siplan-IGM-2024-c3.xlsx"'
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_jobs_of_other_institutions_are_not_found(client, lead_client, igm):
    job = ReportJob.objects.create(institution=igm, year=2024, period=3, format="pdf")
    client.force_login(UserFactory(role=Role.PLANNER, institution=InstitutionFactory()))
    assert client.get(reverse("reporting:job_status", args=[job.pk])).status_code == 404


def test_verification_page_tells_valid_from_altered(lead_client, signed_pdf):
    content = signed_pdf.read_bytes()
    page = lead_client.post(
        reverse("reporting:verify"), {"file": SimpleUploadedFile("r.pdf", content)}
    ).content.decode()
    assert "Firma válida" in page and "Coincide con el documento almacenado" in page
    assert "Lic. Alfredo Danilo Rivera (demostración)" in page
    altered = bytearray(content)
    altered[len(altered) // 2] ^= 0x01
    page = lead_client.post(
        reverse("reporting:verify"), {"file": SimpleUploadedFile("r.pdf", bytes(altered))}
    ).content.decode()
    assert "Firma inválida" in page and "No coincide con ningún documento almacenado" in page
    page = lead_client.post(
        reverse("reporting:verify"), {"file": SimpleUploadedFile("r.pdf", b"hola")}
    ).content.decode()
    assert "El archivo no es un PDF." in page


def test_changes_page_shows_figures_that_moved_since_approval(client, igm, igm_user, explained):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    report = period_report_submit(institution=igm, year=2024, period=3, user=lead)
    period_report_approve(period_report=report, user=director)
    row = Execution.objects.filter(subproduct__product__plan__institution=igm, year=2024, month=12).first()
    Execution.objects.filter(pk=row.pk).update(physical=row.physical + 1000)
    client.force_login(director)
    page = client.get(reverse("reporting:changes", args=PERIOD)).content.decode()
    assert row.subproduct.name in page and "Total del cuatrimestre" in page
    assert "Sin cambios" not in page


def test_director_returns_a_report_saying_what_to_correct(client, igm, igm_user, explained):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    period_report_submit(institution=igm, year=2024, period=3, user=lead)
    client.force_login(director)
    refused = client.post(reverse("reporting:return", args=PERIOD), {"reason": "  "}, follow=True)
    assert "Escriba qué debe corregir planificación" in refused.content.decode()
    assert PeriodReport.objects.get(institution=igm, year=2024, period=3).status == "submitted"

    client.post(reverse("reporting:return", args=PERIOD), {"reason": "Revise la meta de visas."})
    report = PeriodReport.objects.get(institution=igm, year=2024, period=3)
    assert (report.status, report.returned_by, report.return_reason) == (
        "draft",
        director,
        "Revise la meta de visas.",
    )
    client.force_login(lead)
    page = client.get(reverse("reporting:period", args=PERIOD)).content.decode()
    assert f"Devuelto por {director}" in page and "Revise la meta de visas." in page


def test_generated_documents_are_paged_keeping_the_chosen_year(lead_client, igm):
    ReportJob.objects.bulk_create(
        ReportJob(institution=igm, year=2024, period=1 + number % 3, format="xlsx") for number in range(20)
    )
    first = lead_client.get(reverse("reporting:index"), {"anio": 2024}).content.decode()
    second = lead_client.get(reverse("reporting:index"), {"anio": 2024, "pagina": 2}).content.decode()
    newest = ReportJob.objects.order_by("-pk").values_list("pk", flat=True)
    assert f'href="/reportes/trabajos/{newest[0]}/"' in first
    assert (
        f'href="/reportes/trabajos/{newest[19]}/"' in second
        and f"/reportes/trabajos/{newest[0]}/" not in second
    )
    assert "Página 1 de 2" in first and "anio=2024" in first.split('aria-label="Páginas de documentos"')[1]
