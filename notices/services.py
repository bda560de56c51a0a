"""Recording and e-mailing reminders; reading and silencing one's notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from notices.models import Kind, Notice, SilencedKind
from notices.permissions import ensure_notice_owner
from notices.selectors import Reminder, reminders_due


@dataclass(frozen=True)
class ReminderRun:
    day: date
    new: tuple[Notice, ...]
    emailed: int


def _record(reminder: Reminder, day: date) -> Notice | None:
    """The notice, or None when the same one was already recorded that day (the unique constraint
    decides, so two runs at once cannot both send it)."""
    try:
        with transaction.atomic():
            return Notice.objects.create(
                recipient=reminder.recipient,
                kind=reminder.kind,
                subject_key=reminder.subject_key,
                day=day,
                subject=reminder.subject,
                body=reminder.body,
                link=reminder.link,
            )
    except IntegrityError:
        return None


def reminders_send(*, day: date) -> ReminderRun:
    """Record the day's reminders and e-mail each new one to a recipient with an address."""
    new = [notice for reminder in reminders_due(today=day) if (notice := _record(reminder, day))]
    emailed = 0
    with get_connection() as connection:
        for notice in new:
            if not notice.recipient.email:
                continue
            EmailMessage(
                notice.subject, notice.body, to=[notice.recipient.email], connection=connection
            ).send()
            notice.emailed_at = timezone.now()
            notice.save(update_fields=["emailed_at"])
            emailed += 1
    return ReminderRun(day=day, new=tuple(new), emailed=emailed)


def notice_mark_read(*, user, notice: Notice) -> Notice:
    ensure_notice_owner(user=user, notice=notice)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


def notices_mark_all_read(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def notice_kind_silence(*, user, kind: str, silenced: bool) -> None:
    """Stop (or resume) receiving a kind of reminder, in the app and by e-mail."""
    Kind(kind)  # refuses an unknown kind with ValueError
    if silenced:
        SilencedKind.objects.get_or_create(user=user, kind=kind)
    else:
        SilencedKind.objects.filter(user=user, kind=kind).delete()
