"""Units report achievements with photos: real JPEG/PNG only, size-limited, and only their own."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from monitoring.models import Achievement, AchievementPhoto


def form(**extra):
    return {
        "year": 2024,
        "month": 1,
        "area_code": "03",
        "area": "Control Migratorio",
        "unit": "Subdirección de Control Migratorio",
        "text": "Se atendió a 68 personas migrantes extranjeras.",
        "position": "",
    } | extra


def png(name="foto.png", size=(40, 30), colour=(11, 79, 138)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_officer_reports_an_achievement_with_a_photo_that_reaches_page_and_pdf(client, small_world):
    client.force_login(small_world.officer)

    response = client.post(
        reverse("monitoring:achievement_create"), form(photo_1=png(), caption_1="Centro de atención")
    )

    achievement = Achievement.objects.get(institution=small_world.institution)
    photo = achievement.photos.get()
    assert response.status_code == 302
    assert achievement.created_by == small_world.officer
    assert (photo.image_format, photo.caption) == ("PNG", "Centro de atención")
    page = client.get(reverse("monitoring:activity"), {"year": 2024, "month": 1}).content.decode()
    assert "03.1 Subdirección de Control Migratorio" in page
    assert reverse("monitoring:achievement_photo", args=[photo.pk]) in page
    assert client.get(reverse("monitoring:achievement_photo", args=[photo.pk]))["Content-Type"] == "image/png"
    pdf = PdfReader(
        BytesIO(client.get(reverse("monitoring:activity_pdf"), {"year": 2024, "month": 1}).content)
    )
    assert "Foto: Centro de atención" in "".join(p.extract_text() for p in pdf.pages)
    assert any(page.images for page in pdf.pages)


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, small_world):
    client.force_login(small_world.planner)
    fake = SimpleUploadedFile("foto.png", b"%PDF-1.4 no es una imagen", content_type="image/png")

    response = client.post(reverse("monitoring:achievement_create"), form(photo_1=fake, caption_1="x"))

    assert "El archivo no es una imagen válida (JPEG o PNG)." in response.content.decode()
    assert not Achievement.objects.filter(institution=small_world.institution).exists()
    assert not AchievementPhoto.objects.exists()


def test_an_image_of_another_format_is_refused(client, small_world):
    client.force_login(small_world.planner)
    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("foto.png", buffer.getvalue())

    response = client.post(reverse("monitoring:achievement_create"), form(photo_1=gif, caption_1="x"))

    assert "Formato de imagen no admitido: use JPEG o PNG." in response.content.decode()


def test_an_oversized_photo_is_refused(client, small_world, settings):
    settings.IGM_MAX_PHOTO_BYTES = 100
    client.force_login(small_world.planner)

    response = client.post(reverse("monitoring:achievement_create"), form(photo_1=png(), caption_1="x"))

    assert "el máximo es 0.0 MB" in response.content.decode()
    assert not Achievement.objects.filter(institution=small_world.institution).exists()


def test_a_photo_needs_its_caption(client, small_world):
    client.force_login(small_world.planner)
    response = client.post(reverse("monitoring:achievement_create"), form(photo_1=png()))
    assert "Escriba el pie de la foto." in response.content.decode()


def test_officers_edit_only_their_own_achievements_and_planning_edits_all(client, small_world):
    officer, planner = small_world.officer, small_world.planner
    fields = {"year": 2024, "month": 1, "area_code": "01", "area": "A", "unit": "U", "text": "t"}
    theirs = Achievement.objects.create(institution=small_world.institution, created_by=planner, **fields)
    client.force_login(officer)
    assert client.post(reverse("monitoring:achievement_remove", args=[theirs.pk])).status_code == 403
    client.force_login(planner)
    response = client.post(reverse("monitoring:achievement_edit", args=[theirs.pk]), form(text="Corregido"))
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.text == "Corregido"


def test_directors_and_auditors_read_but_do_not_report(client, small_world):
    client.force_login(small_world.director)
    assert client.get(reverse("monitoring:activity")).status_code == 200
    assert client.post(reverse("monitoring:achievement_create"), form()).status_code == 403
