"""Period locks: a four-month period closed to every change until planning unlocks it, on record."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.models import PeriodLock
from budget.permissions import ensure_period_unlocker
from budget.selectors import period_lock_active
from common import formats
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, period_of_month
from planning.models import Institution


class PeriodLocked(Exception):
    """A change was refused because its period is locked; the message says by whom and why."""


def period_lock_refusal(lock: PeriodLock) -> str:
    """The sentence shown whenever a locked period refuses a change."""
    months = PERIOD_MONTHS[lock.period]
    return _(
        "El cuatrimestre %(first)s–%(last)s %(year)s fue bloqueado el %(date)s por %(user)s "
        "(%(reason)s). Solo planificación puede desbloquearlo, dejando constancia del motivo."
    ) % {
        "first": MONTH_NAMES[months[0] - 1][:3].lower(),
        "last": MONTH_NAMES[months[-1] - 1][:3].lower(),
        "year": lock.year,
        "date": formats.day(lock.locked_at),
        "user": lock.locked_by or _("el sistema"),
        "reason": lock.reason,
    }


def period_ensure_open(*, institution: Institution, year: int, month: int) -> None:
    """Raise PeriodLocked (with the reason in words) when the month's period is locked."""
    lock = period_lock_active(institution=institution, year=year, period=period_of_month(month))
    if lock is not None:
        raise PeriodLocked(period_lock_refusal(lock))


@transaction.atomic
def period_lock(*, institution: Institution, year: int, period: int, user, reason: str) -> PeriodLock:
    """Lock a four-month period; idempotent when it is already locked."""
    existing = period_lock_active(institution=institution, year=year, period=period)
    if existing is not None:
        return existing
    lock = PeriodLock(
        institution=institution,
        year=year,
        period=period,
        locked_at=timezone.now(),
        locked_by=user,
        reason=reason,
    )
    lock.full_clean()
    lock.save()
    return lock


@transaction.atomic
def period_unlock(*, institution: Institution, year: int, period: int, user, reason: str) -> PeriodLock:
    """Explicit, recorded unlock by planning staff; the lock row stays as the record."""
    ensure_period_unlocker(user=user)
    if not reason.strip():
        raise ValueError(_("Indique el motivo del desbloqueo."))
    lock = period_lock_active(institution=institution, year=year, period=period)
    if lock is None:
        raise ValueError(
            _("El cuatrimestre %(period)s de %(year)s no está bloqueado.") % {"period": period, "year": year}
        )
    lock.unlocked_at = timezone.now()
    lock.unlocked_by = user
    lock.unlock_reason = reason.strip()
    lock.save()
    return lock
