"""What the planning commands share: the user named by --user (None: the system)."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def command_user(username: str | None):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No existe el usuario «{username}».")
    return user
