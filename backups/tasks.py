"""Celery tasks: thin wrappers that call the services."""

from celery import shared_task

from .services import backup_scheduled


# Celery beat runs it daily (CELERY_BEAT_SCHEDULE, IGM_BACKUP_TIME); it takes no arguments.
@shared_task(ignore_result=True)
def backup_daily() -> None:
    backup_scheduled()
