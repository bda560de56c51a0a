"""Session rules that hold on every page: idle sessions end, and a second factor comes first."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .security import SECOND_FACTOR_PENDING_KEY, session_idle_seconds, session_mark_active


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


class IdleSessionMiddleware:
    """Ends a browser session unused for ``IGM_SESSION_IDLE_MINUTES`` and tells the user why.

    Activity is written to the session at most every ``IGM_SESSION_TOUCH_SECONDS``, not on every
    request. API token requests carry no session (DRF authenticates them later), so they pass untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.user.is_authenticated:
            idle = session_idle_seconds(request)
            minutes = settings.IGM_SESSION_IDLE_MINUTES
            if idle is not None and idle > minutes * 60:
                logout(request)
                messages.info(
                    request,
                    _(
                        "Su sesión se cerró porque pasaron más de %(minutes)s minutos sin actividad. "
                        "Ingrese de nuevo para continuar."
                    )
                    % {"minutes": minutes},
                )
                if not is_api_request(request):
                    return redirect_to_login(request.get_full_path())
            elif idle is None or idle >= settings.IGM_SESSION_TOUCH_SECONDS:
                session_mark_active(request)
        return self.get_response(request)


# Pages a user who still owes a second factor may open.
SECOND_FACTOR_OPEN_URLS = frozenset(
    {"login", "logout", "second_factor_verify", "second_factor_enrol", "second_factor_qr"}
)


class SecondFactorMiddleware:
    """Until their code is verified, users who must give one (``User.requires_second_factor``) or who
    enrolled an authenticator reach only the code and enrolment pages; the admin and the API included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.resolver_match.view_name in SECOND_FACTOR_OPEN_URLS:
            return None
        owes_code = request.session.get(SECOND_FACTOR_PENDING_KEY) or user.requires_second_factor
        if not owes_code or user.is_verified():
            return None
        if is_api_request(request):
            message = _("Complete la verificación en dos pasos en el navegador antes de usar la API.")
            return JsonResponse({"error": {"code": "second_factor_required", "message": message}}, status=403)
        target = "second_factor_verify" if user_has_device(user) else "second_factor_enrol"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
