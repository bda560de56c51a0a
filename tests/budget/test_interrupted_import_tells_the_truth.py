"""An import stopped half-way never leaves rows written while its upload still offers "Vista previa"
and a confirm button: the upload's outcome is recorded in the same transaction as the rows.

The first tests make the database refuse the outcome's update (a trigger), standing for a process
that dies right after writing the rows; the last kills a real import process with SIGKILL while it
waits, rows written, to record its outcome (PostgreSQL)."""

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest
from django.conf import settings
from django.db import DatabaseError, connection

from budget.models import Execution, ExecutionUpload
from budget.services.uploads import execution_file_import, execution_file_preview, execution_upload_apply
from tests.execution_files import xlsx_bytes

pytestmark = pytest.mark.usefixtures("media")

ROWS = [("CC-01", "S01", 2024, 3, 950, 118500.5, ""), ("CC-01", "S02", 2024, 3, 40, 4800, "")]


def refuse_recording_applied_uploads() -> None:
    """From now on the database refuses to mark an upload applied, as if the process died there."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION igm_test_interrupt() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'proceso interrumpido'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER igm_test_interrupt BEFORE UPDATE ON budget_executionupload FOR EACH ROW "
                "WHEN (NEW.outcome = 'applied') EXECUTE FUNCTION igm_test_interrupt()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER igm_test_interrupt BEFORE UPDATE ON budget_executionupload "
                "WHEN NEW.outcome = 'applied' BEGIN SELECT RAISE(ABORT, 'proceso interrumpido'); END"
            )


def previewed(small_world) -> ExecutionUpload:
    upload = execution_file_preview(
        content=xlsx_bytes(ROWS),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    assert upload.outcome == ExecutionUpload.Outcome.PREVIEWED
    return upload


def test_a_confirmation_stopped_before_its_outcome_is_recorded_leaves_no_rows(small_world):
    upload = previewed(small_world)
    refuse_recording_applied_uploads()

    with pytest.raises(DatabaseError):
        execution_upload_apply(upload=upload, user=small_world.officer)

    upload.refresh_from_db()
    assert upload.outcome == ExecutionUpload.Outcome.PREVIEWED
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()
    assert not Execution.history.filter(cost_centre=small_world.central).exists()


def test_a_command_import_stopped_before_its_outcome_is_recorded_leaves_nothing(small_world):
    refuse_recording_applied_uploads()

    with pytest.raises(DatabaseError):
        execution_file_import(
            content=xlsx_bytes(ROWS),
            name="marzo.xlsx",
            user=small_world.officer,
            institution=small_world.institution,
        )

    assert not ExecutionUpload.objects.filter(institution=small_world.institution).exists()
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{db.get('USER') or 'postgres'}{password}@{host}:{port}/{db['NAME']}"


def _waiting_backend(watcher, timeout: float = 90) -> int:
    """The pid of the server process that waits for a lock to record the upload's outcome."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = watcher.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE 'UPDATE \"budget_executionupload\"%%'"
        ).fetchone()
        if row:
            return row[0]
        time.sleep(0.1)
    pytest.fail("La importación no llegó a registrar su resultado.")


@pytest.mark.django_db(transaction=True)
def test_a_confirmation_killed_with_sigkill_after_writing_its_rows_leaves_none(small_world):
    if connection.vendor != "postgresql":
        pytest.skip("Necesita PostgreSQL: un proceso aparte espera un bloqueo de tabla que SQLite no tiene.")
    upload = previewed(small_world)
    script = (
        "import django; django.setup()\n"
        "from accounts.models import User\n"
        "from budget.models import ExecutionUpload\n"
        "from budget.services.uploads import execution_upload_apply\n"
        f"execution_upload_apply(upload=ExecutionUpload.objects.get(pk={upload.pk}), "
        f"user=User.objects.get(pk={small_world.officer.pk}))\n"
    )
    env = os.environ | {
        "DATABASE_URL": _database_url(),
        "IGM_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_SETTINGS_MODULE": "igm_plan.settings",
    }
    with psycopg.connect(_database_url().replace("postgres://", "postgresql://"), autocommit=True) as watcher:
        with psycopg.connect(_database_url().replace("postgres://", "postgresql://")) as blocker:
            # SHARE lets the import read and lock the upload's row, write its rows and their history,
            # and stops it where it updates the upload to record the outcome.
            blocker.execute("LOCK TABLE budget_executionupload IN SHARE MODE")
            process = subprocess.Popen(
                [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, stderr=subprocess.PIPE
            )
            backend = _waiting_backend(watcher)
            written = watcher.execute(
                "SELECT count(*) FROM pg_locks WHERE pid = %s AND mode = 'RowExclusiveLock' "
                "AND relation = 'budget_historicalexecution'::regclass",
                [backend],
            ).fetchone()[0]
            assert written == 1  # it has inserted its rows' history: the rows are written
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            blocker.rollback()
        while watcher.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [backend]).fetchone():
            time.sleep(0.1)

    assert process.returncode == -signal.SIGKILL
    upload.refresh_from_db()
    assert upload.outcome == ExecutionUpload.Outcome.PREVIEWED
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()
    # The button it still shows is the truth: confirming now writes the rows once.
    upload, outcome = execution_upload_apply(upload=upload, user=small_world.officer)
    assert (upload.outcome, outcome.created) == (ExecutionUpload.Outcome.APPLIED, 2)
