"""Report jobs: stored with digest and parameters, reused for identical data, failures explained
and retried, stuck jobs re-queued by the reconciler."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Role
from budget.models import Execution
from reporting.models import ReportJob
from reporting.services.jobs import (
    report_job_render_now,
    report_job_request,
    report_job_retry,
    report_jobs_reconcile,
)
from tests.factories import UserFactory


@pytest.fixture
def request_job(igm, igm_user, django_capture_on_commit_callbacks):
    lead = igm_user(Role.PLANNING_LEAD)

    def request(format="xlsx", user=lead):
        with django_capture_on_commit_callbacks(execute=True):
            job = report_job_request(institution=igm, year=2024, period=3, format=format, user=user)
        job.refresh_from_db()
        return job

    return request


def test_job_is_stored_with_digest_parameters_and_full_progress(request_job, igm_user):
    lead = igm_user(Role.PLANNING_LEAD)
    job = request_job("pdf")
    assert (job.status, job.stage, job.percent) == (ReportJob.Status.DONE, ReportJob.Stage.STORE, 100)
    content = job.file.read()
    assert content.startswith(b"%PDF-")
    assert job.sha256 == hashlib.sha256(content).hexdigest() and job.size == len(content)
    assert job.parameters == {
        "institution": "IGM",
        "year": 2024,
        "period": 3,
        "format": "pdf",
        "signed": False,
    }
    assert job.requested_by == lead and job.attempts == 1 and len(job.fingerprint) == 64


def test_identical_unchanged_data_reuses_the_stored_result(request_job, igm):
    first = request_job()
    second = request_job()
    assert second.pk != first.pk
    assert second.reused_from == first
    assert (second.file.name, second.sha256) == (first.file.name, first.sha256)
    execution = Execution.objects.filter(
        subproduct__product__plan__institution=igm, year=2024, month=9
    ).first()
    Execution.objects.filter(pk=execution.pk).update(physical=execution.physical + 1)
    third = request_job()
    assert third.reused_from is None and third.fingerprint != first.fingerprint


def test_failed_job_says_why_and_can_be_retried(request_job, settings, signing_p12, igm, igm_user):
    lead = igm_user(Role.PLANNING_LEAD)
    settings.IGM_SIGNING_P12 = "/no/existe/certificado.p12"
    job = report_job_render_now(institution=igm, year=2024, period=3, format="pdf", signed=True)
    assert job.status == ReportJob.Status.FAILED
    assert "No se pudo cargar el certificado de firma /no/existe/certificado.p12" in job.error
    settings.IGM_SIGNING_P12 = str(signing_p12)
    job.requested_by = lead
    job.save()
    retried = report_job_retry(job=job, user=lead)
    assert retried.status == ReportJob.Status.QUEUED and retried.error == ""


def test_officers_cannot_request_reports(igm):
    officer = UserFactory(role=Role.OFFICER, institution=igm)
    with pytest.raises(PermissionDenied):
        report_job_request(institution=igm, year=2024, period=3, format="pdf", user=officer)


def test_reconciler_requeues_a_job_whose_worker_vanished(igm, igm_user, django_capture_on_commit_callbacks):
    lead = igm_user(Role.PLANNING_LEAD)
    long_ago = timezone.now() - timedelta(hours=1)
    stuck = ReportJob.objects.create(
        institution=igm,
        year=2024,
        period=3,
        format="json",
        requested_by=lead,
        status=ReportJob.Status.RUNNING,
        stage=ReportJob.Stage.RENDER,
        percent=25,
        attempts=1,
    )
    ReportJob.objects.filter(pk=stuck.pk).update(created_at=long_ago, heartbeat_at=long_ago)
    fresh = ReportJob.objects.create(
        institution=igm,
        year=2024,
        period=3,
        format="html",
        status=ReportJob.Status.RUNNING,
        heartbeat_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        requeued = report_jobs_reconcile()
    assert requeued == [stuck.pk]
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == ReportJob.Status.DONE and stuck.attempts == 2 and stuck.file
    assert fresh.status == ReportJob.Status.RUNNING


def test_reconcile_command_reports_what_it_requeued(igm, capsys):
    call_command("reconcile_report_jobs", seconds=60)
    assert "Trabajos re-encolados: 0" in capsys.readouterr().out
