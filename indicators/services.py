"""Writes of indicator sheets and their multiannual targets."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from planning.models import Plan

from .models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)
from .permissions import ensure_sheets_editable


def _save(instance: models.Model, *, user=None, reason: str) -> None:
    instance._history_user = user
    instance.full_clean()
    instance.save()
    update_change_reason(instance, reason)


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
    ensure_sheets_editable(user=user, plan=plan)
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
    ensure_sheets_editable(user=user, plan=sheet.plan)
    sheet.delete()
