"""A refused achievement form keeps every typed value and the photo already chosen; area «2» is 02;
a stale edit is refused with what the other user changed."""

import re

from django.urls import reverse

from monitoring.models import Achievement
from tests.monitoring.test_achievement_photos import form, png


def _hidden(page: str, name: str) -> str:
    return re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', page).group(1)


def test_the_chosen_photo_survives_a_refusal_and_is_saved_after(client, small_world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(small_world.officer)
    # The caption is missing: refused, but the photo chosen is kept and named on the page.
    refused = client.post(
        reverse("monitoring:achievement_create"), form(area_code="2", photo_1=png("centro.png"), caption_1="")
    )
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Escriba el pie de la foto." in page
    assert "Archivo ya elegido: centro.png" in page
    assert "Se atendió a 68 personas migrantes extranjeras.</textarea>" in page
    assert not Achievement.objects.exists()

    # Sent again without choosing the file again: the kept photo is stored with the achievement.
    response = client.post(
        reverse("monitoring:achievement_create"),
        form(area_code="2", caption_1="Centro de atención", kept_1=_hidden(page, "kept_1")),
    )
    assert response.status_code == 302
    achievement = Achievement.objects.get()
    assert achievement.area_code == "02"
    photo = achievement.photos.get()
    assert (photo.image_format, photo.caption) == ("PNG", "Centro de atención")
    assert not list((tmp_path / "fotos-pendientes").iterdir())  # the kept copy is gone


def test_a_forged_kept_photo_is_ignored(client, small_world):
    client.force_login(small_world.officer)
    response = client.post(
        reverse("monitoring:achievement_create"), form(kept_1="fotos-pendientes/../../etc/passwd")
    )
    assert response.status_code == 302
    assert not Achievement.objects.get().photos.exists()


def test_a_stale_achievement_edit_is_refused(client, small_world):
    client.force_login(small_world.officer)
    client.post(reverse("monitoring:achievement_create"), form())
    achievement = Achievement.objects.get()
    url = reverse("monitoring:achievement_edit", args=[achievement.pk])
    version = _hidden(client.get(url).content.decode(), "read_version")
    Achievement.objects.filter(pk=achievement.pk).update(text="Texto de la otra persona.")
    response = client.post(url, form(text="Mi texto.", read_version=version))
    page = response.content.decode()
    assert "Se atendió a 68 personas migrantes extranjeras. → Texto de la otra persona." in page
    assert "Mi texto." in page
    assert Achievement.objects.get().text == "Texto de la otra persona."
