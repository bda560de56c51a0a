"""Writes for API clients and tokens."""

import atexit
import hashlib
import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import ApiClient, ApiRequestLog, ApiToken, Role, User


def token_digest(key: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(key.encode()).hexdigest()


def token_cache_key(digest: str) -> str:
    return f"api-token:{digest}"


def scope_validate(scope: str) -> str:
    if scope == ApiToken.READ_SCOPE:
        return scope
    code = scope.removeprefix(ApiToken.INSTITUTION_PREFIX)
    if code == scope or not code:
        raise ValidationError(_("Alcance inválido: use «read» o «institution:<siglas>»."))
    # String reference: accounts does not import planning (see DESIGN.md, apps DAG).
    if not apps.get_model("planning", "Institution").objects.filter(code=code).exists():
        raise ValidationError(_("No existe la institución «%(code)s».") % {"code": code})
    return scope


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str


@transaction.atomic
def api_token_create(*, client_name: str, scope: str) -> IssuedToken:
    """Create a token (and the client with its service user on first use); the key is returned once."""
    scope_validate(scope)
    client = ApiClient.objects.filter(name=client_name).first()
    if client is None:
        user = User(
            username=f"api-{slugify(client_name)}"[:150], first_name=client_name[:150], role=Role.INTEGRATION
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        client = ApiClient(name=client_name, user=user)
        client.full_clean()
        client.save()
    key = secrets.token_urlsafe(32)
    while key.startswith("-"):  # its prefix is typed as an argument (revoke_api_token PREFIX)
        key = secrets.token_urlsafe(32)
    token = ApiToken(client=client, key_digest=token_digest(key), prefix=key[:8], scope=scope)
    token.full_clean()
    token.save()
    return IssuedToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(*, prefix: str) -> ApiToken:
    tokens = list(ApiToken.objects.select_for_update().filter(prefix=prefix, revoked_at__isnull=True))
    if not tokens:
        raise ValidationError(_("No hay un token vigente con el prefijo «%(prefix)s».") % {"prefix": prefix})
    if len(tokens) > 1:
        raise ValidationError(_("El prefijo «%(prefix)s» es ambiguo.") % {"prefix": prefix})
    token = tokens[0]
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    # Now for this process's next request, and again at commit in case a request cached it meanwhile.
    # With a per-process cache (no CACHE_URL) other processes see it within API_TOKEN_CACHE_SECONDS.
    cache.delete(token_cache_key(token.key_digest))
    transaction.on_commit(lambda: cache.delete(token_cache_key(token.key_digest)))
    return token


logger = logging.getLogger(__name__)


class RequestLogBuffer:
    """API request-log rows of this process, written together off the request path.

    A request only appends its row; every ``API_REQUEST_LOG_BATCH`` rows the request that fills the
    batch writes them in one INSERT, and a background thread writes what waited more than
    ``API_REQUEST_LOG_SECONDS``. The process writes the rest when it exits (gunicorn's graceful stop).
    It is an access log, not the change history: a killed process loses its last seconds of rows.
    A batch of 1 writes each row at once (the tests, whose requests share one transaction).
    """

    def __init__(self):
        self.reset()
        atexit.register(self.flush)
        # A forked worker starts empty, without the parent's thread.
        os.register_at_fork(after_in_child=self.reset)

    def reset(self) -> None:
        self.lock = threading.Lock()
        self.rows: list[ApiRequestLog] = []
        self.flusher: threading.Thread | None = None

    def add(self, row: ApiRequestLog) -> None:
        batch = settings.API_REQUEST_LOG_BATCH
        with self.lock:
            self.rows.append(row)
            full = len(self.rows) >= batch
            if not full and self.flusher is None:
                self.flusher = threading.Thread(target=self.flush_periodically, daemon=True)
                self.flusher.start()
        if full:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            rows, self.rows = self.rows, []
        if not rows:
            return
        try:
            api_requests_save(rows=rows)
        except Exception:
            logger.exception("No se pudieron guardar %s solicitudes a la API en la bitácora", len(rows))
            # A busy or restarting database: the next flush tries again, keeping a bounded backlog.
            with self.lock:
                self.rows[:0] = rows[-settings.API_REQUEST_LOG_BATCH * 10 :]

    def flush_periodically(self) -> None:
        """Until a wait finds nothing to write; ``add`` starts the thread again when needed."""
        while True:
            time.sleep(settings.API_REQUEST_LOG_SECONDS)
            with self.lock:
                if not self.rows:
                    self.flusher = None
                    return
            close_old_connections()
            self.flush()
            # The thread's own connection is not left open between batches.
            connections.close_all()


request_log = RequestLogBuffer()


def api_request_record(*, token: ApiToken | None, user, method: str, endpoint: str, query: str, status: int):
    """One row per API request, timed now, written with the process's next batch."""
    row = ApiRequestLog(
        client_id=token.client_id if token else None,
        token=token,
        user=user,
        method=method[:10],
        endpoint=endpoint[:300],
        query=query[:500],
        status=status,
        created_at=timezone.now(),
    )
    request_log.add(row)
    return row


@transaction.atomic
def api_requests_save(*, rows: list[ApiRequestLog]) -> None:
    """Rows of the request log in one INSERT. On PostgreSQL the commit does not wait for the disk
    (a crash may lose the last instant's rows): it is an access log, not the change history."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ApiRequestLog.objects.bulk_create(rows)
