"""Writes for API clients and tokens."""

import atexit
import hashlib
import logging
import os
import secrets
import threading
import time
from binascii import unhexlify
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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


@transaction.atomic
def user_password_change(*, user: User, new_password: str) -> User:
    """The password is already validated by the form (AUTH_PASSWORD_VALIDATORS). Other sessions of
    the user end: Django ties each session to a hash of the password."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    return user


BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Aplicación de autenticación"
BACKUP_DEVICE_NAME = "Códigos de respaldo"


@dataclass(frozen=True)
class CodeCheck:
    """A second-factor code's outcome: the device that accepted it, or why none did."""

    device: Device | None
    error: str = ""


def normalise_code(code: str) -> str:
    return "".join(code.split()).lower()


@dataclass(frozen=True)
class Enrolment:
    device: TOTPDevice
    backup_codes: list[str]


@transaction.atomic
def second_factor_enrol(*, user: User, key: str, code: str) -> Enrolment:
    """Keep the authenticator whose secret ``key`` (hex) produced ``code``, replacing any earlier one,
    and issue fresh backup codes, returned once. Raises ValidationError when the code does not match."""
    code = normalise_code(code)
    totp = TOTP(unhexlify(key))
    if not (code.isdigit() and totp.verify(int(code), tolerance=1)):
        raise ValidationError(
            _(
                "El código no coincide. Revise que la hora del teléfono sea correcta y escriba el "
                "código que muestra ahora."
            )
        )
    TOTPDevice.objects.filter(user=user).delete()
    # The code just used cannot be used again to log in (django-otp accepts only later time steps).
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, key=key, confirmed=True, last_t=totp.t())
    device.full_clean()
    device.save()
    return Enrolment(device=device, backup_codes=backup_codes_regenerate(user=user))


@transaction.atomic
def backup_codes_regenerate(*, user: User) -> list[str]:
    """Ten single-use codes for when the phone is not at hand; earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": BACKUP_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_verify(*, user: User, code: str) -> CodeCheck:
    """Check a code from the authenticator (digits) or a backup code (letters and digits).

    Returns instead of raising, so that a wrong code's throttling (django-otp doubles the wait after
    each failure) is committed with the transaction.
    """
    code = normalise_code(code)
    model = TOTPDevice if code.isdigit() else StaticDevice
    for device in model.objects.devices_for_user(user).select_for_update():
        allowed, extra = device.verify_is_allowed()
        if not allowed:
            until = (extra or {}).get("locked_until")
            if until is None:
                return CodeCheck(device=None, error=_("La verificación está suspendida; intente más tarde."))
            wait = _("Demasiados códigos incorrectos. Intente de nuevo después de las %(time)s.") % {
                "time": timezone.localtime(until).strftime("%H:%M:%S")
            }
            return CodeCheck(device=None, error=wait)
        if device.verify_token(code):
            return CodeCheck(device=device)
    return CodeCheck(
        device=None,
        error=_("El código no es correcto o ya se usó. Escriba el código que muestra ahora la aplicación."),
    )


@transaction.atomic
def second_factor_reset(*, user: User) -> int:
    """Remove the user's authenticator and backup codes (a lost phone); their next login enrols again.
    Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        _total, by_model = model.objects.filter(user=user).delete()
        removed += by_model.get(model._meta.label, 0)
    return removed
