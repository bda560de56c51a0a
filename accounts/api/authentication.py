"""Token authentication: ``Authorization: Token <clave>`` (or ``Bearer``), looked up by digest."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.models import ApiToken
from accounts.services import token_digest

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
        token = ApiToken.objects.select_related("client__user").filter(key_digest=token_digest(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("La clave del token no es válida."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("El token fue revocado."))
        return token.client.user, token

    def authenticate_header(self, request):
        return self.keyword
