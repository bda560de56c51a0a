"""Restoring over a database that holds data, or over a stored file with other content, needs
--confirm; without it nothing is written."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planning.models import Institution

from .helpers import file_sums


@pytest.fixture
def backup(small_stored):
    call_command("backup", "--output", str(small_stored.backups / "copia"), verbosity=0)
    return small_stored.backups / "copia"


def test_a_database_with_data_is_replaced_only_with_confirm(small_stored, backup):
    Institution.objects.filter(code="RES").update(name="Nombre cambiado después de la copia")
    photo = next(path for path in small_stored.media.rglob("*.png"))
    before = photo.read_bytes()
    photo.unlink()

    with pytest.raises(CommandError, match=r"La base de datos no está vacía .*--confirm"):
        call_command("restore", str(backup), verbosity=0)
    assert Institution.objects.get(code="RES").name == "Nombre cambiado después de la copia"
    assert not photo.exists()

    call_command("restore", str(backup), "--confirm", verbosity=0)
    assert Institution.objects.get(code="RES").name == "Instituto de Respaldo"
    assert photo.read_bytes() == before


def test_a_stored_file_with_other_content_is_replaced_only_with_confirm(small_stored, backup):
    call_command("flush", interactive=False, verbosity=0)
    certificate = small_stored.certificate
    backed_up = certificate.read_bytes()
    certificate.write_bytes(b"otro certificado")
    others = file_sums(small_stored.media)

    with pytest.raises(CommandError, match=f"«{certificate}» ya existe con otro contenido"):
        call_command("restore", str(backup), verbosity=0)
    assert certificate.read_bytes() == b"otro certificado"
    assert not Institution.objects.exists()

    call_command("restore", str(backup), "--confirm", verbosity=0)
    assert certificate.read_bytes() == backed_up
    assert file_sums(small_stored.media) == others
