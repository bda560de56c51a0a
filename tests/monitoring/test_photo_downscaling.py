"""Activity-report photos are kept upright with their long side at most IGM_PHOTO_MAX_PX."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from monitoring.models import AchievementPhoto
from tests.monitoring.test_achievement_photos import form

RED, BLUE = (200, 20, 20), (20, 20, 200)
ORIENTATION = 0x0112


def camera_photo(image_format: str, size=(4000, 3000), orientation: int | None = None) -> SimpleUploadedFile:
    """Left half red, right half blue, so that a rotation shows in the pixels."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = BytesIO()
    image.save(buffer, format=image_format, exif=exif.tobytes())
    extension = "jpg" if image_format == "JPEG" else "png"
    return SimpleUploadedFile(f"foto.{extension}", buffer.getvalue(), content_type=f"image/{extension}")


def upload(client, small_world, photo) -> tuple[AchievementPhoto, Image.Image]:
    client.force_login(small_world.officer)
    response = client.post(reverse("monitoring:achievement_create"), form(photo_1=photo, caption_1="Sede"))
    assert response.status_code == 302
    stored = AchievementPhoto.objects.get()
    with stored.image.open("rb") as handle:
        content = handle.read()
    assert stored.size == len(content)
    image = Image.open(BytesIO(content))
    image.load()
    return stored, image


def close_to(pixel, colour) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(pixel, colour, strict=True))


def test_a_4000_by_3000_jpeg_is_kept_at_1600_by_1200(client, small_world):
    stored, image = upload(client, small_world, camera_photo("JPEG"))

    assert (stored.image_format, image.format, image.size) == ("JPEG", "JPEG", (1600, 1200))
    assert stored.image.name.endswith(".jpg")
    assert close_to(image.getpixel((100, 600)), RED) and close_to(image.getpixel((1500, 600)), BLUE)


def test_a_large_png_stays_png(client, small_world):
    stored, image = upload(client, small_world, camera_photo("PNG"))

    assert (stored.image_format, image.format, image.size) == ("PNG", "PNG", (1600, 1200))
    assert stored.image.name.endswith(".png")


def test_an_exif_rotated_jpeg_is_stored_upright(client, small_world):
    # Orientation 6: the camera was turned; viewers rotate 90° clockwise, so the left half goes on top.
    stored, image = upload(client, small_world, camera_photo("JPEG", orientation=6))

    assert image.size == (1200, 1600)
    assert close_to(image.getpixel((600, 100)), RED) and close_to(image.getpixel((600, 1500)), BLUE)
    assert image.getexif().get(ORIENTATION) in (None, 1)  # viewers must not rotate it again


def test_the_limit_is_a_setting_and_small_photos_keep_their_size(client, small_world, settings):
    settings.IGM_PHOTO_MAX_PX = 800
    stored, image = upload(client, small_world, camera_photo("JPEG", size=(600, 780)))

    assert image.size == (600, 780)
    AchievementPhoto.objects.all().delete()
    stored, image = upload(client, small_world, camera_photo("PNG", size=(3000, 1000)))
    assert image.size == (800, 267)
