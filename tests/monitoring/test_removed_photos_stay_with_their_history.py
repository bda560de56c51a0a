"""Removing a photo, or deleting its achievement, keeps the photo's file: its history row names the
file, who removed it and why."""

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import Role
from monitoring.models import Achievement, AchievementPhoto
from monitoring.services import achievement_save
from tests.factories import InstitutionFactory, UserFactory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(colour) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def reported(db):
    institution = InstitutionFactory(code="FOT", name="Instituto de las Fotos")
    officer = UserFactory(username="oficial_fotos", role=Role.OFFICER, institution=institution)
    achievement = achievement_save(
        institution=institution,
        achievement=None,
        fields={
            "year": 2024,
            "month": 1,
            "area_code": "03",
            "area": "Control Migratorio",
            "unit": "Subdirección de Control Migratorio",
            "text": "Se atendió a 68 personas migrantes extranjeras.",
        },
        photos=[(png((11, 79, 138)), "Centro de atención"), (png((200, 30, 30)), "Jornada móvil")],
        remove_photo_ids=[],
        user=officer,
    )
    return achievement, officer


def stored(media: Path, photo) -> tuple[str, str]:
    """The photo's file name (a history row keeps it as text) and the SHA-256 of its bytes on disk."""
    name = str(photo.image)
    return name, hashlib.sha256((media / name).read_bytes()).hexdigest()


def removal(photo_id: int):
    return AchievementPhoto.history.get(id=photo_id, history_type="-")


def test_a_photo_removed_from_an_achievement_keeps_its_file_in_the_history(reported, media):
    achievement, officer = reported
    first = achievement.photos.get(caption="Centro de atención")
    before = stored(media, first)

    achievement_save(
        institution=achievement.institution,
        achievement=achievement,
        fields={},
        photos=[],
        remove_photo_ids=[first.pk],
        user=officer,
    )

    assert list(achievement.photos.values_list("caption", flat=True)) == ["Jornada móvil"]
    version = removal(first.pk)
    assert (version.history_user, version.history_change_reason) == (officer, "Foto quitada del logro")
    assert (version.achievement_id, version.caption) == (achievement.pk, "Centro de atención")
    assert stored(media, version) == before


def test_deleting_an_achievement_keeps_every_photo_file_reachable_from_its_history(reported, media, client):
    achievement, officer = reported
    before = {photo.pk: stored(media, photo) for photo in achievement.photos.all()}
    client.force_login(officer)

    response = client.post(reverse("monitoring:achievement_remove", args=[achievement.pk]))

    assert response.status_code == 302
    assert not Achievement.objects.filter(pk=achievement.pk).exists()
    assert not AchievementPhoto.objects.filter(pk__in=before).exists()
    gone = Achievement.history.get(id=achievement.pk, history_type="-")
    assert (gone.history_user, gone.history_change_reason) == (officer, "Logro eliminado")
    versions = AchievementPhoto.history.filter(achievement_id=achievement.pk, history_type="-")
    assert {version.id: stored(media, version) for version in versions} == before
    assert {(version.history_user, version.history_change_reason) for version in versions} == {
        (officer, "Logro eliminado")
    }
