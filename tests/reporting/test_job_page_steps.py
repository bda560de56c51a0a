"""A job page names the steps the job really goes through and, once done, no step under way."""

import re

from django.urls import reverse

from reporting.models import ReportJob


def _stages(page: str) -> list[str]:
    return re.findall(r'<li data-stage="[a-z]+">([^<]+)</li>', page)


def test_unsigned_job_lists_no_signing_step_and_a_done_job_no_step(lead_client, igm):
    job = ReportJob.objects.create(
        institution=igm, year=2024, period=3, format="pdf", status="done", stage="store", percent=100
    )
    page = lead_client.get(reverse("reporting:job", args=[job.pk])).content.decode()
    assert _stages(page) == ["Consultando datos", "Generando documento", "Guardando"]
    assert '<strong id="job-status">Listo</strong> <span id="job-stage"></span>' in page
    status = lead_client.get(reverse("reporting:job_status", args=[job.pk])).json()
    assert (status["status_label"], status["stage_label"]) == ("Listo", "")


def test_signed_job_lists_signing_and_a_running_job_its_step(lead_client, igm):
    job = ReportJob.objects.create(
        institution=igm, year=2024, period=3, format="pdf", signed=True, status="running", stage="sign"
    )
    page = lead_client.get(reverse("reporting:job", args=[job.pk])).content.decode()
    assert _stages(page) == ["Consultando datos", "Generando documento", "Firmando", "Guardando"]
    assert '<span id="job-stage">· Firmando</span>' in page
