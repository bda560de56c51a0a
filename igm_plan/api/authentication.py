"""Token authentication: ``Authorization: Token <clave>`` (or ``Bearer``), looked up by digest."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.models import ApiToken
from accounts.services import token_cache_key, token_digest

KEYWORDS = (b"token", b"bearer")
# Every refusal of a credential repeats how to send one: integrators read these messages, not the docs.
HOW_TO_SEND = _("Envíe la clave como `Authorization: Token <clave>`.")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts:
            return None
        if parts[0].lower() not in KEYWORDS:
            # A bare key, or another scheme: say what is missing rather than "no credentials".
            raise exceptions.AuthenticationFailed(
                _("Falta el prefijo «Token» antes de la clave. %(how)s") % {"how": HOW_TO_SEND}
            )
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Encabezado Authorization mal formado. %(how)s") % {"how": HOW_TO_SEND}
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
