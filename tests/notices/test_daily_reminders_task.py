"""Celery beat sends the reminders every day at IGM_REMINDER_TIME (07:00 by default)."""

from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from notices.models import Notice
from notices.selectors import reminders_due
from notices.tasks import send_reminders_daily


def test_beat_runs_the_reminders_task_daily_at_seven():
    entries = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == send_reminders_daily.name
    ]
    assert [entry["schedule"] for entry in entries] == [crontab(hour=7, minute=0)]


def test_the_daily_task_records_today_s_reminders_once(world_with_addresses, smtp_inbox):
    # Whatever today is, the task records the day's reminders, dated today, and only once.
    today = timezone.localdate()
    due = reminders_due(today=today)
    send_reminders_daily.apply()
    recorded = Notice.objects.filter(day=today).count()
    assert recorded == len(due) and Notice.objects.count() == recorded
    sent = len(smtp_inbox.messages)
    send_reminders_daily.apply()
    assert Notice.objects.count() == recorded and len(smtp_inbox.messages) == sent
