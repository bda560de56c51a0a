"""Sign-in pages: the lockout notice, the account page, password change and the second factor."""

from base64 import b32encode
from binascii import unhexlify
from io import BytesIO
from math import ceil
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .forms import CodeForm
from .security import ENROLMENT_KEY
from .selectors import second_factor_status
from .services import backup_codes_regenerate, second_factor_enrol, second_factor_verify, user_password_change

# Backup codes just issued, shown once by the codes page and then forgotten.
NEW_BACKUP_CODES_KEY = "igm_new_backup_codes"


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): 429 with the page that says why."""
    context = {
        "minutes": ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "registration/locked_out.html", context, status=429)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    context = {
        "status": second_factor_status(user=request.user),
        "idle_minutes": settings.IGM_SESSION_IDLE_MINUTES,
    }
    return render(request, "registration/account.html", context)


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        user_password_change(user=form.user, new_password=form.cleaned_data["new_password1"])
        # This session stays open; the user's other sessions end with the old password.
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


def with_next(name: str, next_url: str | None) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}" if next_url else reverse(name)


def safe_next(request: HttpRequest, url: str | None) -> str:
    """``url`` if it stays on this site, else empty (as LoginView treats its ``next``)."""
    allowed = url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else ""


def verified(request: HttpRequest, device) -> None:
    """Mark the session as verified by ``device``, under a new session key (privileges changed)."""
    otp_login(request, device)
    request.session.cycle_key()


class SecondFactorView(LoginRequiredMixin, auth_views.RedirectURLMixin, FormView):
    form_class = CodeForm

    def get_default_redirect_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, next=self.get_redirect_url())


@method_decorator(never_cache, name="dispatch")
class SecondFactorVerifyView(SecondFactorView):
    """The code asked after the password, from the authenticator app or a backup code."""

    template_name = "registration/second_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_verified():
            return HttpResponseRedirect(self.get_success_url())
        if user.is_authenticated and not user_has_device(user):
            return HttpResponseRedirect(with_next("second_factor_enrol", self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        check = second_factor_verify(user=self.request.user, code=form.cleaned_data["code"])
        if check.device is None:
            form.add_error("code", check.error)
            return self.form_invalid(form)
        verified(self.request, check.device)
        return HttpResponseRedirect(self.get_success_url())


@method_decorator(never_cache, name="dispatch")
class SecondFactorEnrolView(SecondFactorView):
    """Enrol an authenticator app: scan the QR code (or type the key), then confirm with a code.

    A user who already has one must verify it first; then this page replaces it (a new phone).
    """

    template_name = "registration/second_factor_enrol.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified() and user_has_device(user):
            return HttpResponseRedirect(with_next("second_factor_verify", self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "digits_only": True}

    def get_context_data(self, **kwargs):
        key = self.request.session.get(ENROLMENT_KEY)
        if key is None:
            key = self.request.session[ENROLMENT_KEY] = random_hex(20)
        secret = b32encode(unhexlify(key)).decode()
        return super().get_context_data(
            **kwargs,
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            status=second_factor_status(user=self.request.user),
        )

    def form_valid(self, form):
        key = self.request.session.get(ENROLMENT_KEY)
        if key is None:  # the session changed since the page was shown: show a fresh key
            return HttpResponseRedirect(with_next("second_factor_enrol", self.get_redirect_url()))
        try:
            enrolment = second_factor_enrol(user=self.request.user, key=key, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
            return self.form_invalid(form)
        del self.request.session[ENROLMENT_KEY]
        verified(self.request, enrolment.device)
        messages.success(self.request, _("La verificación en dos pasos quedó activada."))
        self.request.session[NEW_BACKUP_CODES_KEY] = enrolment.backup_codes
        return HttpResponseRedirect(with_next("second_factor_codes", self.get_redirect_url()))


@login_required
@never_cache
def second_factor_qr(request: HttpRequest) -> HttpResponse:
    """The QR code of the key being enrolled (SVG), for the authenticator app to scan."""
    key = request.session.get(ENROLMENT_KEY)
    if key is None:
        raise Http404
    # One path with a viewBox, so the image scales to the size the page gives it.
    image = qrcode.make(
        TOTPDevice(user=request.user, key=key).config_url, image_factory=qrcode.image.svg.SvgPathImage
    )
    content = BytesIO()
    image.save(content)
    return HttpResponse(content.getvalue(), content_type="image/svg+xml")


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def second_factor_codes(request: HttpRequest) -> HttpResponse:
    """Backup codes: shown once when issued; a new set replaces the old one."""
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not second_factor_status(user=request.user).enrolled:
        return redirect(with_next("second_factor_enrol", next_url))
    if request.method == "POST":
        request.session[NEW_BACKUP_CODES_KEY] = backup_codes_regenerate(user=request.user)
        return redirect(with_next("second_factor_codes", next_url))
    context = {
        "codes": request.session.pop(NEW_BACKUP_CODES_KEY, None),
        "status": second_factor_status(user=request.user),
        "next": next_url,
    }
    return render(request, "registration/second_factor_codes.html", context)
