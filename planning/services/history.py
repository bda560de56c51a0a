"""Every write of a history-tracked record keeps who made it and why."""

from __future__ import annotations

from django.db import models
from simple_history.utils import update_change_reason


def save_with_history(instance: models.Model, *, user, reason: str) -> None:
    instance._history_user = user
    instance.full_clean()
    instance.save()
    if hasattr(type(instance), "history"):  # institutions keep no history of their own
        update_change_reason(instance, reason)
