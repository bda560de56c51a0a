"""How a sign-in is tracked: the client's address for lockouts and what a session remembers."""

import ipaddress
import time

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

# Epoch seconds of the session's last request (accounts.middleware.IdleSessionMiddleware).
LAST_ACTIVITY_KEY = "igm_last_activity"
# Set at login for a user who has a second factor: their code is asked before any page.
SECOND_FACTOR_PENDING_KEY = "igm_second_factor_pending"
# The secret of an authenticator being enrolled, kept in the session until a code confirms it.
ENROLMENT_KEY = "igm_totp_enrolment_key"


def duties_ensure_separate(*, user, submitted_by_id: int | None, message: str) -> None:
    """Separation of duties (``IGM_SEPARATION_OF_DUTIES``): who sent something for approval does
    not approve it. The apps' permissions call this with their own message."""
    if settings.IGM_SEPARATION_OF_DUTIES and submitted_by_id is not None and submitted_by_id == user.pk:
        raise PermissionDenied(message)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as the nearest trusted proxy saw it (``IGM_PROXY_COUNT``).

    Each proxy appends the address it received from to X-Forwarded-For, so the entry that many places
    from the right is the client's; entries further left come from the client and can be forged.
    """
    count = settings.IGM_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count and valid_ip(forwarded[-count]):
            return forwarded[-count]
    address = request.META.get("REMOTE_ADDR")
    return address if address and valid_ip(address) else None


def valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def session_mark_active(request: HttpRequest) -> None:
    request.session[LAST_ACTIVITY_KEY] = int(time.time())


def session_idle_seconds(request: HttpRequest) -> int | None:
    """Seconds since the session's last recorded request, or None when it has no record."""
    last = request.session.get(LAST_ACTIVITY_KEY)
    return None if last is None else int(time.time()) - int(last)
