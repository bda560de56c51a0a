"""A real Celery worker against Redis: its child is SIGKILLed mid-render, the broker redelivers the
message (acks_late + reject_on_worker_lost) and the job finishes exactly once, with one stored file.

Needs CELERY_BROKER_URL (a Redis db of its own) and a database the worker process can open too:
PostgreSQL (DATABASE_URL) or SQLite with SQLITE_TEST_NAME set to a file path (see the shared
``celery_worker_process`` fixture).
"""

import hashlib
import os
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings

from accounts.models import Role
from reporting.models import ReportJob
from reporting.services.jobs import report_job_request
from seeding.synthetic import synthetic_build
from tests.factories import UserFactory

pytestmark = pytest.mark.worker


def wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"Tiempo agotado esperando {what}.")


@pytest.mark.django_db(transaction=True)
def test_job_finishes_once_after_its_worker_child_is_killed(celery_worker_process):
    institution = synthetic_build(code="KILL", start_year=2024, products=20, subproducts=6).institutions[0]
    user = UserFactory(role=Role.PLANNER, institution=institution)
    job = report_job_request(institution=institution, year=2024, period=3, format="pdf", user=user)

    def rendering():
        job.refresh_from_db()
        return job.status == ReportJob.Status.RUNNING and job.stage == ReportJob.Stage.RENDER

    wait_for(rendering, timeout=120, what="la etapa de generación")
    first_worker = job.worker
    os.kill(int(first_worker.rsplit(":", 1)[1]), signal.SIGKILL)

    def finished():
        job.refresh_from_db()
        return job.is_finished

    wait_for(finished, timeout=300, what="que el trabajo termine tras el reinicio")
    assert job.status == ReportJob.Status.DONE, job.error
    assert job.attempts == 2 and job.worker != first_worker
    stored = list((Path(settings.MEDIA_ROOT) / Path(job.file.name).parent).iterdir())
    assert stored == [Path(settings.MEDIA_ROOT) / job.file.name]
    assert hashlib.sha256(stored[0].read_bytes()).hexdigest() == job.sha256
    assert ReportJob.objects.filter(institution=institution).count() == 1
    assert "WorkerLostError" in "".join(celery_worker_process.log)
