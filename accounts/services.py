"""Writes for API clients and tokens."""

import hashlib
import secrets
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import ApiClient, ApiRequestLog, ApiToken, Role, User


def token_digest(key: str) -> str:
    """Tokens carry 256 random bits, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(key.encode()).hexdigest()


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
    return token


@transaction.atomic
def api_request_record(*, token: ApiToken | None, user, method: str, endpoint: str, query: str, status: int):
    """One row per API request. It is an access log, not the change history: on PostgreSQL it does
    not wait for the disk (a crash may lose the last instant's rows), which halves request latency."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    return ApiRequestLog.objects.create(
        client_id=token.client_id if token else None,
        token=token,
        user=user,
        method=method[:10],
        endpoint=endpoint[:300],
        query=query[:500],
        status=status,
    )
