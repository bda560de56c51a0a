"""Fixtures shared by every test folder: the cast (``igm``, ``igm_user``, ``small_world``; see
tests/cast/), API clients, and the settings every test runs with."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.models import User
from planning.models import Institution, Plan
from tests.api_clients import token_client
from tests.cast.small_world import SmallWorld, small_world_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load IGM's real data once per test database, with the command users run."""
    with django_db_blocker.unblock():
        call_command("load_igm", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and cached responses must not leak from one test into another."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _request_log_written_at_once(settings):
    """A test's requests share its transaction: each API request-log row is written at once, by the
    request itself, not by the batching thread (batching: tests/api/test_request_log.py)."""
    settings.API_REQUEST_LOG_BATCH = 1


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Test users need a password, not a slow hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Uploads, photos and rendered reports go to the test's own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def igm(db) -> Institution:
    """IGM's real data. Transactional tests flush the database, so reload when it is gone."""
    institution = Institution.objects.filter(code="IGM").first()
    if institution is None:
        call_command("load_igm", verbosity=0)
        institution = Institution.objects.get(code="IGM")
    return institution


@pytest.fixture
def igm_user(igm):
    """IGM's demo account of a role, as load_igm creates it: ``igm_user(Role.DIRECTOR)``."""
    return lambda role: User.objects.filter(institution=igm, role=role).order_by("username").first()


@pytest.fixture
def igm_pom(igm) -> Plan:
    """IGM's Plan Operativo Multianual 2026-2030, with its four indicator sheets."""
    return Plan.objects.get(institution=igm, kind=Plan.Kind.POM, start_year=2026)


@pytest.fixture
def small_world(db) -> SmallWorld:
    """Two small institutions with a little of everything, built for the test (tests/cast/)."""
    return small_world_build()


@pytest.fixture
def read_client(db):
    """An API client with a ``read`` token: every institution, no writes."""
    return token_client("read")


@pytest.fixture
def institution_client(small_world):
    """An API client of the small world's institution's own system (token ``institution:INP``)."""
    return token_client(f"institution:{small_world.institution.code}", client_name="Sistema INP")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium (Playwright cannot download its own browser here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _database_url_for_worker() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
    )


@pytest.fixture
def celery_worker_process(transactional_db):
    """A real Celery worker process on the real broker, reading the test database.

    Only the integration run has a broker (``make test-postgres`` sets CELERY_BROKER_URL); the
    embedded run executes tasks eagerly in-process, so this fixture skips there.
    """
    if not settings.CELERY_BROKER_URL:
        pytest.skip(
            "Necesita CELERY_BROKER_URL: corre en la pasada con PostgreSQL y Redis (make test-postgres)."
        )
    from igm_plan.celery import app

    app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_for_worker(),
        "IGM_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "igm_plan",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    ready = threading.Event()
    log: list[str] = []

    def read():
        for line in process.stdout:
            log.append(line)
            if " ready." in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(timeout=60):
        process.kill()
        pytest.fail("El worker de Celery no arrancó:\n" + "".join(log[-40:]))
    process.log = log
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    time.sleep(0.2)
