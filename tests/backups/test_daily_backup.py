"""Celery beat takes a backup every day at IGM_BACKUP_TIME into IGM_BACKUP_DIR and keeps the newest
IGM_BACKUP_KEEP there, leaving anything else in the directory alone."""

import time

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core.management import call_command

from backups.tasks import backup_daily


def backups_in(directory) -> list:
    return sorted(path for path in directory.iterdir() if path.is_dir())


def test_beat_runs_the_backup_task_daily_at_half_past_two():
    entries = [
        entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == backup_daily.name
    ]

    assert [entry["schedule"] for entry in entries] == [crontab(hour=2, minute=30)]


def test_the_daily_task_keeps_only_the_newest_backups(small_stored, settings):
    settings.IGM_BACKUP_KEEP = 2
    small_stored.backups.mkdir()
    notes = small_stored.backups / "notas-de-operacion.txt"
    notes.write_text("copiar a la otra máquina cada lunes")
    made = []

    for _day in range(3):
        before = set(backups_in(small_stored.backups))
        backup_daily.apply()
        (new,) = set(backups_in(small_stored.backups)) - before
        made.append(new)

    assert backups_in(small_stored.backups) == made[1:]
    assert notes.read_text() == "copiar a la otra máquina cada lunes"
    for backup in made[1:]:
        call_command("restore", str(backup), "--verify", verbosity=0)


@pytest.fixture
def worker_stores(small_stored, monkeypatch):
    """The worker process reads its settings from the environment, as in production."""
    monkeypatch.setenv("IGM_BACKUP_DIR", str(small_stored.backups))
    monkeypatch.setenv("IGM_SIGNING_P12", str(small_stored.certificate))
    return small_stored


@pytest.mark.worker
def test_a_real_worker_takes_the_scheduled_backup(worker_stores, celery_worker_process):
    backup_daily.delay()

    deadline, found = time.monotonic() + 120, []
    while time.monotonic() < deadline and not found:
        time.sleep(0.2)
        found = list(worker_stores.backups.glob("igm-backup-*/manifest.json"))
    assert len(found) == 1, "".join(celery_worker_process.log[-40:])
    backup = found[0].parent
    call_command("restore", str(backup), "--verify", verbosity=0)
    copied = {path.name for path in (backup / "media").rglob("*") if path.is_file()}
    assert copied == {path.name for path in worker_stores.media.rglob("*") if path.is_file()}
    assert (backup / "signing" / "igm.p12").read_bytes() == worker_stores.certificate.read_bytes()
