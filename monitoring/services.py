"""Writes of the monthly activity report: achievements and their photos."""

from __future__ import annotations

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from planning.models import Institution
from planning.services.history import save_with_history

from .models import Achievement, AchievementPhoto
from .permissions import (
    ensure_achievement_editable,
    ensure_achievement_removable,
    ensure_achievement_reporter_for,
)

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png"}


def checked_image(upload) -> tuple[bytes, str]:
    """The upload's bytes and Pillow format, refused unless it is a real JPEG or PNG of allowed size."""
    limit = int(getattr(settings, "IGM_MAX_PHOTO_BYTES", 5 * 1024 * 1024))
    if upload.size > limit:
        raise ValidationError(
            _("La foto pesa %(size)s MB; el máximo es %(limit)s MB.")
            % {"size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)}
        )
    content = upload.read()
    try:
        with Image.open(ContentFile(content)) as image:
            image_format = image.format
            image.verify()
    except Exception as error:  # Pillow raises many kinds for a file that is not an image
        raise ValidationError(_("El archivo no es una imagen válida (JPEG o PNG).")) from error
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Formato de imagen no admitido: use JPEG o PNG."))
    return content, image_format


def downscaled_photo(content: bytes, image_format: str) -> bytes:
    """The checked photo upright (EXIF orientation applied), its long side at most
    ``IGM_PHOTO_MAX_PX``, encoded again in its format (JPEG at quality 85). Encoding again also
    drops the camera's metadata, such as where the photo was taken."""
    max_px = settings.IGM_PHOTO_MAX_PX
    output = io.BytesIO()
    try:
        with Image.open(io.BytesIO(content)) as image:
            icc_profile = image.info.get("icc_profile")
            if image.mode == "P" and max(image.size) > max_px:
                image = image.convert("RGBA")  # a palette would be resized without smoothing
            # A square bound limits the long side whatever the orientation; for a JPEG, thumbnail
            # decodes at a reduced scale first, so a camera photo is never held at full size.
            image.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(image)
            options = {"quality": 85, "optimize": True} if image_format == "JPEG" else {}
            upright.save(output, format=image_format, icc_profile=icc_profile, **options)
    except (OSError, ValueError, Image.DecompressionBombError) as error:  # e.g. truncated data
        raise ValidationError(_("El archivo no es una imagen válida (JPEG o PNG).")) from error
    return output.getvalue()


def _photo_add(achievement: Achievement, upload, caption: str, *, user) -> AchievementPhoto:
    content, image_format = checked_image(upload)
    content = downscaled_photo(content, image_format)
    photo = AchievementPhoto(
        achievement=achievement, caption=caption.strip(), image_format=image_format, size=len(content)
    )
    photo.image.save(f"{uuid.uuid4().hex}.{PHOTO_FORMATS[image_format]}", ContentFile(content), save=False)
    save_with_history(photo, user=user, reason=_("Foto agregada al logro"))
    return photo


def _photo_remove(photo: AchievementPhoto, *, user, reason: str) -> None:
    """Delete the photo's row but keep its file: the history row written here still names it."""
    photo._history_user = user
    photo._change_reason = reason
    photo.delete()


@transaction.atomic
def achievement_save(
    *,
    institution: Institution,
    achievement: Achievement | None,
    fields: dict,
    photos: list[tuple[object, str]],
    remove_photo_ids: list[int],
    user,
) -> Achievement:
    """Create or update an achievement and add or remove its photos in one transaction."""
    if achievement is None:
        ensure_achievement_reporter_for(user=user, institution_id=institution.id)
        achievement = Achievement(institution=institution, created_by=user)
    else:
        ensure_achievement_editable(user=user, achievement=achievement)
    for name, value in fields.items():
        setattr(achievement, name, value)
    reason = _("Logro registrado") if achievement.pk is None else _("Logro modificado")
    save_with_history(achievement, user=user, reason=reason)
    for photo in achievement.photos.filter(pk__in=remove_photo_ids):
        _photo_remove(photo, user=user, reason=_("Foto quitada del logro"))
    for upload, caption in photos:
        _photo_add(achievement, upload, caption, user=user)
    return achievement


@transaction.atomic
def achievement_delete(*, achievement: Achievement, user) -> None:
    """Delete the achievement and its photos' rows; their history keeps the text and the files."""
    ensure_achievement_removable(user=user, achievement=achievement)
    reason = _("Logro eliminado")
    for photo in achievement.photos.all():
        _photo_remove(photo, user=user, reason=reason)
    achievement._history_user = user
    achievement._change_reason = reason
    achievement.delete()
