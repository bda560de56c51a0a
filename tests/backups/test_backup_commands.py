"""The backup and restore commands document themselves, exit 0 on success and refuse with a Spanish
reason on stderr and a non-zero exit."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from monitoring.models import AchievementPhoto


def manage(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_each_command_documents_itself(command):
    result = manage(command, "--help")

    assert result.returncode == 0
    assert "SHA-256" in result.stdout


def test_restore_of_a_missing_directory_exits_non_zero_with_the_reason(tmp_path):
    result = manage("restore", str(tmp_path / "no-existe"))

    assert result.returncode == 1
    assert f"No existe el directorio de la copia «{tmp_path / 'no-existe'}»." in result.stderr


def test_backup_refuses_a_directory_that_holds_files(stores, tmp_path):
    (tmp_path / "ocupado").mkdir()
    (tmp_path / "ocupado" / "otra-cosa.txt").write_text("x")

    with pytest.raises(CommandError, match="ya existe y no está vacío"):
        call_command("backup", "--output", str(tmp_path / "ocupado"))


def test_a_stored_file_the_database_names_but_that_is_lost_fails_the_backup(small_stored, capsys):
    stores = small_stored
    lost = str(AchievementPhoto.history.filter(history_type="-").first().image)
    (stores.media / lost).unlink()

    with pytest.raises(CommandError, match=f"p. ej. «{lost}».*--allow-missing"):
        call_command("backup", "--output", str(stores.backups / "copia"))
    assert not stores.backups.exists() or list(stores.backups.iterdir()) == []

    call_command("backup", "--output", str(stores.backups / "copia"), "--allow-missing")
    assert json.loads((stores.backups / "copia" / "manifest.json").read_text())["missing_files"] == [lost]
    assert lost in capsys.readouterr().err


def test_a_place_that_cannot_be_written_fails_with_the_reason(small_stored, settings):
    backup = small_stored.backups / "copia"
    call_command("backup", "--output", str(backup), verbosity=0)
    blocked = small_stored.certificate.parent / "ocupado-por-un-directorio"
    blocked.mkdir()
    settings.IGM_SIGNING_P12 = str(blocked)

    with pytest.raises(
        CommandError, match="No se pudo leer o escribir un archivo: .*ocupado-por-un-directorio"
    ):
        call_command("restore", str(backup), "--confirm", verbosity=0)
