"""Codes as the user's authenticator app computes them (django-otp's RFC 6238 implementation)."""

import re
import time
from base64 import b32decode

from django_otp.oath import TOTP


def code_for(secret: bytes, steps_ahead: int = 0) -> str:
    """The 6-digit code for the secret, now or ``steps_ahead`` 30-second steps later. A code is accepted
    once: a second login in the same half minute uses the next step's (the server allows one step)."""
    totp = TOTP(secret)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def secret_on_page(html: str) -> bytes:
    """The key the enrolment page shows for typing into the app, as the app decodes it."""
    shown = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    return b32decode(shown.replace(" ", ""))
