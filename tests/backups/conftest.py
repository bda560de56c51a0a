"""Fixtures of the backup tests: the places where files are stored, and a database holding what users
store (photos, also of a removed photo and a deleted achievement; an original execution upload; a
generated report; the signing certificate), written through the services."""

from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from accounts.models import Role, User
from budget.services.uploads import execution_file_preview
from monitoring.services import achievement_delete, achievement_save
from reporting.services.jobs import report_job_render_now
from tests.factories import InstitutionFactory, UserFactory


@pytest.fixture
def stores(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IGM_SIGNING_P12 = str(tmp_path / "firma" / "igm.p12")
    settings.IGM_BACKUP_DIR = tmp_path / "respaldos"
    return SimpleNamespace(
        media=tmp_path / "media", certificate=Path(settings.IGM_SIGNING_P12), backups=tmp_path / "respaldos"
    )


def png(colour) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (48, 32), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def achievement(institution, user, text: str, photos: list) -> object:
    fields = {
        "year": 2024,
        "month": 1,
        "area_code": "03",
        "area": "Control Migratorio",
        "unit": "Subdirección de Control Migratorio",
        "text": text,
    }
    return achievement_save(
        institution=institution,
        achievement=None,
        fields=fields,
        photos=photos,
        remove_photo_ids=[],
        user=user,
    )


def users_store_files(institution, user) -> None:
    kept = achievement(
        institution,
        user,
        "Jornada móvil de documentación.",
        [(png((11, 79, 138)), "Centro"), (png((9, 9, 9)), "Fila")],
    )
    removed = kept.photos.get(caption="Fila")
    achievement_save(
        institution=institution,
        achievement=kept,
        fields={},
        photos=[],
        remove_photo_ids=[removed.pk],
        user=user,
    )
    deleted = achievement(institution, user, "Logro que se eliminó.", [(png((200, 30, 30)), "Albergue")])
    achievement_delete(achievement=deleted, user=user)
    content = (
        "centro_costo,subproducto,anio,mes,ejecucion_fisica,ejecucion_financiera,observaciones\n"
        "CC-01,11-00-000-002-001,2024,1,5,100.00,Jornada móvil\n"
    ).encode()
    execution_file_preview(content=content, name="enero.csv", user=user, institution=institution)
    call_command("create_signing_certificate", verbosity=0)


@pytest.fixture
def igm_stored(transactional_db, igm, stores):
    """IGM's real data and files users stored, a generated SIPLAN report among them."""
    users_store_files(igm, User.objects.get(username="planificador"))
    report_job_render_now(institution=igm, year=2024, period=3, format="json")
    return stores


@pytest.fixture
def small_stored(transactional_db, stores):
    """A small institution with files users stored, for the tests that need no real figures."""
    institution = InstitutionFactory(code="RES", name="Instituto de Respaldo")
    users_store_files(
        institution, UserFactory(username="planifica_res", role=Role.PLANNER, institution=institution)
    )
    return stores
