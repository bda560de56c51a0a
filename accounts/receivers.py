"""What a session remembers from the moment of login."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import user_has_device

from .security import SECOND_FACTOR_PENDING_KEY, session_mark_active


@receiver(user_logged_in, dispatch_uid="accounts.session_starts")
def session_starts(sender, request, user, **kwargs):
    """Its first activity, and whether the user's second factor is still to be verified: checked
    once here, so pages do not query the user's devices on every request."""
    if request is None or not hasattr(request, "session"):
        return
    session_mark_active(request)
    if user_has_device(user):
        request.session[SECOND_FACTOR_PENDING_KEY] = True
