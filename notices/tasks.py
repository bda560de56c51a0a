"""Celery tasks: thin wrappers that call the services."""

from celery import shared_task
from django.utils import timezone

from .services import reminders_send


# Celery beat runs it daily (CELERY_BEAT_SCHEDULE, IGM_REMINDER_TIME); it takes no arguments.
@shared_task(ignore_result=True)
def send_reminders_daily() -> None:
    reminders_send(day=timezone.localdate())
