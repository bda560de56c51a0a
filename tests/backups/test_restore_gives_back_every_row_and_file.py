"""Back up, lose everything, restore: every row of every table (history included) and every stored
file come back exactly, on SQLite and on PostgreSQL alike."""

import hashlib
import json
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from budget.models import ExecutionUpload
from monitoring.models import AchievementPhoto
from planning.models import Institution
from reporting.models import ReportJob

from .helpers import database_rows, file_sums, wipe


def test_a_restored_backup_gives_back_every_row_and_every_file(igm_stored):
    stores = igm_stored
    rows = database_rows()
    files = file_sums(stores.media, stores.certificate.parent)
    history_tables = [label for label, table in rows.items() if ".Historical" in label and table]
    assert len(history_tables) >= 10
    assert AchievementPhoto.history.filter(history_type="-").count() == 2  # files only the history names
    assert ExecutionUpload.objects.count() == 1 and ReportJob.objects.exclude(file="").count() == 1
    assert len(files) == 6  # three photos, the upload, the report and the certificate

    call_command("backup", "--output", str(stores.backups / "copia"), verbosity=0)
    wipe(stores)
    assert not Institution.objects.exists()
    assert file_sums(stores.media, stores.certificate.parent) == {}
    call_command("restore", str(stores.backups / "copia"), verbosity=0)

    assert database_rows() == rows
    assert file_sums(stores.media, stores.certificate.parent) == files


def test_the_manifest_lists_each_file_with_its_size_and_sum_the_engine_and_the_version(small_stored):
    stores = small_stored
    call_command("backup", "--output", str(stores.backups / "copia"), verbosity=0)

    backup = stores.backups / "copia"
    manifest = json.loads((backup / "manifest.json").read_text())
    listed = {item["path"]: (item["kind"], item["size"], item["sha256"]) for item in manifest["files"]}
    on_disk = {
        path.relative_to(backup).as_posix(): (
            path.stat().st_size,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in backup.rglob("*")
        if path.is_file() and path.name not in {"manifest.json", "SHA256SUMS"}
    }
    assert {path: (size, digest) for path, (_kind, size, digest) in listed.items()} == on_disk
    media = {path.removeprefix("media/") for path, (kind, *_rest) in listed.items() if kind == "media"}
    assert media == {
        path.relative_to(stores.media).as_posix() for path in stores.media.rglob("*") if path.is_file()
    }
    assert [path for path, (kind, *_rest) in listed.items() if kind == "signing"] == ["signing/igm.p12"]
    assert manifest["database"]["engine"] == connection.vendor
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    assert manifest["app"]["version"] == pyproject["project"]["version"]
    assert manifest["created_at"][:4].isdigit() and manifest["missing_files"] == []
    sums = (backup / "SHA256SUMS").read_text().splitlines()
    assert f"{hashlib.sha256((backup / 'manifest.json').read_bytes()).hexdigest()}  manifest.json" in sums
