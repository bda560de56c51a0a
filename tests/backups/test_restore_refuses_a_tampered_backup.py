"""A backup with one byte changed in any of its files, or a file added, is refused before anything is
written, with a Spanish message naming the file."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from planning.models import Institution

from .helpers import database_rows, file_sums, wipe


@pytest.fixture
def lost_server(small_stored):
    """A backup, then the loss of the database and the stored files it holds."""
    stores = small_stored
    stores.backup = stores.backups / "copia"
    call_command("backup", "--output", str(stores.backup), verbosity=0)
    wipe(stores)
    return stores


def test_one_byte_changed_in_any_file_is_refused_and_nothing_is_written(lost_server):
    backup = lost_server.backup
    empty = database_rows()
    files = sorted(path for path in backup.rglob("*") if path.is_file())
    database = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    assert {"manifest.json", "SHA256SUMS", database} <= {path.name for path in files}
    assert len(files) == 8  # manifest, sums, database, three photos, the upload, the certificate

    for path in files:
        original = path.read_bytes()
        changed = bytearray(original)
        changed[len(changed) // 2] ^= 0x01
        path.write_bytes(bytes(changed))
        with pytest.raises(CommandError) as refused:
            call_command("restore", str(backup), "--confirm", verbosity=0)
        path.write_bytes(original)

        assert path.relative_to(backup).as_posix() in str(refused.value)
        assert database_rows() == empty
        assert file_sums(lost_server.media, lost_server.certificate.parent) == {}

    call_command("restore", str(backup), verbosity=0)  # untouched again, it restores
    assert Institution.objects.filter(code="RES").exists()


def test_a_file_added_to_the_backup_is_refused(lost_server):
    (lost_server.backup / "media" / "intruso.txt").write_text("no es parte de la copia")

    with pytest.raises(CommandError, match="«media/intruso.txt» no figura en SHA256SUMS"):
        call_command("restore", str(lost_server.backup), verbosity=0)

    assert not Institution.objects.exists()
