"""A real SMTP server on a free local port (aiosmtpd), and the small world's people with addresses."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from accounts.models import User


class Inbox:
    """Every message the server accepted: envelope recipients and the parsed message."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def by_recipient(self) -> dict[str, list]:
        found: dict[str, list] = {}
        for recipients, message in self.messages:
            for recipient in recipients:
                found.setdefault(recipient, []).append(message)
        return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "IGM Plan <avisos@inp.test>"
    settings.IGM_SITE_URL = "https://plan.inp.test"
    settings.IGM_REMINDER_DAYS_BEFORE = 5
    yield inbox
    controller.stop()


@pytest.fixture
def world_with_addresses(small_world):
    """INP's people have e-mail addresses; the neighbour's have none (they get notices only)."""
    people = list(User.objects.filter(institution=small_world.institution))
    for person in people:
        person.email = f"{person.username}@inp.test"
    User.objects.bulk_update(people, ["email"])
    for name in ("planner", "planning_lead", "director", "officer", "xela_officer", "peten_officer"):
        getattr(small_world, name).refresh_from_db()
    return small_world
