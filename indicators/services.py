"""Writes for indicators and plan-level documents."""

from __future__ import annotations

import io
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from simple_history.utils import update_change_reason

from planning.models import Institution, Plan
from planning.services.plans import plan_ensure_not_approved

from .models import (
    Achievement,
    AchievementPhoto,
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)


def _save(instance: models.Model, *, user=None, reason: str) -> None:
    instance._history_user = user
    instance.full_clean()
    instance.save()
    update_change_reason(instance, reason)


# --- Issue 5c (indicator sheets, activity report) services below this line ---------------------


def _ensure_sheets_editable(user, plan: Plan) -> None:
    """Planning staff of the plan's institution edit its sheets, and only while it is not approved."""
    if not (user.is_superuser or (user.is_planning_staff and user.institution_id == plan.institution_id)):
        raise PermissionDenied(_("Solo el personal de planificación de la institución edita las fichas."))
    plan_ensure_not_approved(
        plan=plan,
        message=_("El plan «%(plan)s» está aprobado: sus fichas técnicas quedan como se aprobaron."),
    )


def _replace_rows(queryset, key: str, rows: dict, build, *, user, reason: str) -> None:
    """Make the related rows exactly ``rows`` ({key value: fields}), validating each.

    Rows already as given are left alone, so their history shows only real changes.
    """
    for row in queryset.exclude(**{f"{key}__in": list(rows)}):
        row._history_user = user
        row.delete()
    existing = {getattr(row, key): row for row in queryset}
    for key_value, fields in rows.items():
        row = existing.get(key_value)
        if row is not None and all(getattr(row, name) == value for name, value in fields.items()):
            continue
        row = row or build(key_value)
        for name, value in fields.items():
            setattr(row, name, value)
        _save(row, user=user, reason=reason)


@transaction.atomic
def indicator_sheet_save(
    *,
    plan: Plan,
    sheet: IndicatorSheet | None,
    fields: dict,
    values: dict[int, Decimal],
    target: dict | None,
    target_years: dict[int, tuple[Decimal, Decimal]],
    user,
) -> IndicatorSheet:
    """Create or update a sheet with its yearly values and its row of the multiannual table.

    ``values`` and ``target_years`` replace what the sheet had; ``target`` None removes the row.
    """
    _ensure_sheets_editable(user, plan)
    sheet = sheet or IndicatorSheet(plan=plan)
    if sheet.plan_id != plan.id:
        raise ValidationError(_("La ficha pertenece a otro plan."))
    for name, value in fields.items():
        setattr(sheet, name, value)
    if sheet.product_id and sheet.product.plan_id != plan.id:
        raise ValidationError({"product": _("El producto debe ser del mismo plan que la ficha.")})
    if sheet.pk is None and not fields.get("position"):
        sheet.position = (plan.indicator_sheets.aggregate(last=Max("position"))["last"] or 0) + 1
    reason = _("Edición de la ficha técnica")
    _save(sheet, user=user, reason=reason)
    _replace_rows(
        IndicatorSheetValue.objects.filter(sheet=sheet),
        "year",
        {year: {"value": value} for year, value in values.items()},
        lambda year: IndicatorSheetValue(sheet=sheet, year=year),
        user=user,
        reason=reason,
    )
    if target is None:
        ProductIndicatorTarget.objects.filter(sheet=sheet).delete()
        return sheet
    row = ProductIndicatorTarget.objects.filter(sheet=sheet).first() or ProductIndicatorTarget(sheet=sheet)
    for name, value in target.items():
        setattr(row, name, value)
    _save(row, user=user, reason=reason)
    _replace_rows(
        ProductIndicatorYear.objects.filter(target=row),
        "year",
        {
            year: {"absolute": absolute, "relative": relative}
            for year, (absolute, relative) in target_years.items()
        },
        lambda year: ProductIndicatorYear(target=row, year=year),
        user=user,
        reason=reason,
    )
    return sheet


@transaction.atomic
def indicator_sheet_delete(*, sheet: IndicatorSheet, user) -> None:
    _ensure_sheets_editable(user, sheet.plan)
    sheet.delete()


# Activity report ------------------------------------------------------------------------------

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png"}


def _may_report_achievements(user, institution_id: int) -> bool:
    return user.is_superuser or (
        user.institution_id == institution_id and (user.is_planning_staff or user.is_officer)
    )


def achievement_may_edit(*, user, achievement: Achievement) -> bool:
    """Planning staff edit every unit's achievements; anyone else only those they entered."""
    if not _may_report_achievements(user, achievement.institution_id):
        return False
    return user.is_superuser or user.is_planning_staff or achievement.created_by_id == user.pk


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


def _photo_add(achievement: Achievement, upload, caption: str) -> AchievementPhoto:
    content, image_format = checked_image(upload)
    content = downscaled_photo(content, image_format)
    photo = AchievementPhoto(
        achievement=achievement, caption=caption.strip(), image_format=image_format, size=len(content)
    )
    photo.image.save(f"{uuid.uuid4().hex}.{PHOTO_FORMATS[image_format]}", ContentFile(content), save=False)
    photo.full_clean()
    photo.save()
    return photo


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
        if not _may_report_achievements(user, institution.id):
            raise PermissionDenied(_("Su rol no permite registrar logros de esta institución."))
        achievement = Achievement(institution=institution, created_by=user)
    elif not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede modificarlo."))
    for name, value in fields.items():
        setattr(achievement, name, value)
    achievement.full_clean()
    achievement.save()
    for photo in achievement.photos.filter(pk__in=remove_photo_ids):
        photo.image.delete(save=False)
        photo.delete()
    for upload, caption in photos:
        _photo_add(achievement, upload, caption)
    return achievement


@transaction.atomic
def achievement_delete(*, achievement: Achievement, user) -> None:
    if not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede eliminarlo."))
    for photo in achievement.photos.all():
        photo.image.delete(save=False)
    achievement.delete()
