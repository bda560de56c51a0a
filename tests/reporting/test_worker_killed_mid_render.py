"""A real Celery worker against Redis: its child is SIGKILLed mid-render, the broker redelivers the
message (acks_late + reject_on_worker_lost) and the job finishes exactly once, with one stored file.

Needs CELERY_BROKER_URL (a Redis db of its own) and a database the worker process can open too:
PostgreSQL (DATABASE_URL) or SQLite with SQLITE_TEST_NAME set to a file path.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from igm_plan.celery import app as celery_app
from reporting.models import ReportJob
from reporting.services import report_job_request

from .synthetic import synthetic_institution

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="CELERY_BROKER_URL no está definido"),
]


def worker_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        if not db["NAME"] or "memory" in str(db["NAME"]):
            pytest.fail("El worker no puede abrir una base SQLite en memoria: defina SQLITE_TEST_NAME.")
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"Tiempo agotado esperando {what}.")


@pytest.fixture
def worker(tmp_path):
    celery_app.control.purge()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "IGM_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_SETTINGS_MODULE": "igm_plan.settings",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "igm_plan",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "-n",
        f"kill-test-{os.getpid()}@%h",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=output)
    try:
        wait_for(lambda: b"ready." in log.read_bytes(), timeout=60, what="que el worker arranque")
        yield log
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.django_db(transaction=True)
def test_job_finishes_once_after_its_worker_child_is_killed(worker):
    from accounts.models import Role
    from tests.factories import UserFactory

    institution = synthetic_institution(code="KILL", subproducts=120, per_product=6)
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
    assert b"WorkerLostError" in worker.read_bytes()
