"""Simultaneous saves on the embedded SQLite database queue instead of failing: two threads each
read a value and write it back increased, many times over, against a file database opened with
the project's SQLite options. None gets "database is locked" and no increment is lost."""

import threading

from django.conf import settings
from django.db import connections, transaction

ALIAS = "sqlite_concurrency"
ROUNDS = 40


def _save_rounds(errors: list, start: threading.Barrier) -> None:
    start.wait()
    try:
        for _round in range(ROUNDS):
            # Read then write in one transaction, as every versioned save does.
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                (value,) = cursor.fetchone()
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
    except Exception as error:  # noqa: BLE001 - the assertion reports whatever went wrong
        errors.append(repr(error))
    finally:
        connections[ALIAS].close()


def test_two_writers_at_once_queue_and_both_apply(tmp_path, django_db_blocker):
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "igm.sqlite3")}
    configured = connections.configure_settings(
        {"default": database, ALIAS: database | {"OPTIONS": settings.SQLITE_OPTIONS}}
    )
    connections.settings[ALIAS] = configured[ALIAS]
    try:
        with django_db_blocker.unblock():
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
                cursor.execute("INSERT INTO counter VALUES (1, 0)")
            connections[ALIAS].close()
            errors: list[str] = []
            start = threading.Barrier(2)
            writers = [threading.Thread(target=_save_rounds, args=(errors, start)) for _ in range(2)]
            for writer in writers:
                writer.start()
            for writer in writers:
                writer.join()
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                (value,) = cursor.fetchone()
            connections[ALIAS].close()
    finally:
        del connections.settings[ALIAS]
    assert errors == []
    assert value == 2 * ROUNDS
