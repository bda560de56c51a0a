"""Removing a photo, or deleting its achievement, keeps the photo's file: its history row names the
file, who removed it and why."""

import hashlib
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import Role
from monitoring.models import Achievement, AchievementPhoto
from monitoring.services import achievement_save
from tests.factories import InstitutionFactory, UserFactory
from tests.monitoring.test_achievement_photos import form, png


@pytest.fixture
def reported(db):
    institution = InstitutionFactory(code="FOT", name="Instituto de las Fotos")
    officer = UserFactory(username="oficial_fotos", role=Role.OFFICER, institution=institution)
    achievement = achievement_save(
        institution=institution,
        achievement=None,
        fields={key: value for key, value in form().items() if key != "position"},
        photos=[
            (png(colour=(11, 79, 138)), "Centro de atención"),
            (png(colour=(200, 30, 30)), "Jornada móvil"),
        ],
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
