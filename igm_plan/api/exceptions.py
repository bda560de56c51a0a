"""Every API error has one shape: ``{"error": {"code": ..., "message": ..., "fields": {...}}}``."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .authentication import HOW_TO_SEND


class NotModified(exceptions.APIException):
    """Raised before any data query when ``If-Modified-Since`` shows the client is up to date."""

    status_code = status.HTTP_304_NOT_MODIFIED
    default_code = "not_modified"


def _first_code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def api_exception_handler(exc, context):
    if isinstance(exc, NotModified):
        return Response(status=status.HTTP_304_NOT_MODIFIED)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    if response is None:
        return None
    error = {"code": "error", "message": str(getattr(exc, "detail", exc))}
    if isinstance(exc, exceptions.ValidationError):
        error = {"code": "invalid", "message": _("Los datos enviados no son válidos.")}
        detail = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        error["fields"] = detail
    elif isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        error = {
            "code": "throttled",
            "message": ngettext(
                "Demasiadas solicitudes de este cliente. Intente de nuevo en %(wait)d segundo.",
                "Demasiadas solicitudes de este cliente. Intente de nuevo en %(wait)d segundos.",
                wait,
            )
            % {"wait": wait},
        }
    elif isinstance(exc, exceptions.NotAuthenticated):
        error = {
            "code": "not_authenticated",
            "message": _("Falta la credencial. %(how)s") % {"how": HOW_TO_SEND},
        }
    elif isinstance(exc, exceptions.APIException):
        error["code"] = _first_code(exc)
    response.data = {"error": error}
    return response
