"""Token authentication: ``Authorization: Token <clave>`` (or ``Bearer``), looked up by digest."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.models import ApiToken
from accounts.services import token_cache_key, token_digest

KEYWORDS = (b"token", b"bearer")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Encabezado Authorization mal formado: use «Token <clave>».")
            )
        try:
            key = parts[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("La clave del token no es válida.")) from error
        digest = token_digest(key)
        # Briefly cached; revoking deletes the entry (accounts.services.api_token_revoke).
        token = cache.get(token_cache_key(digest))
        if token is None:
            token = ApiToken.objects.select_related("client__user").filter(key_digest=digest).first()
            if token is None:
                raise exceptions.AuthenticationFailed(_("La clave del token no es válida."))
            cache.set(token_cache_key(digest), token, settings.API_TOKEN_CACHE_SECONDS)
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("El token fue revocado."))
        return token.client.user, token

    def authenticate_header(self, request):
        return self.keyword
