"""Reads for API clients and tokens, and for a user's second factor."""

from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import ApiToken


def api_token_list(*, include_revoked: bool = False) -> QuerySet[ApiToken]:
    tokens = ApiToken.objects.select_related("client").annotate(
        last_used_at=Max("requests__created_at"), request_count=Count("requests")
    )
    return tokens if include_revoked else tokens.filter(revoked_at__isnull=True)


@dataclass(frozen=True)
class SecondFactorStatus:
    enrolled: bool
    backup_codes_left: int


def second_factor_status(*, user) -> SecondFactorStatus:
    """Whether the user has a confirmed authenticator, and how many backup codes remain unused."""
    return SecondFactorStatus(
        enrolled=TOTPDevice.objects.devices_for_user(user).exists(),
        backup_codes_left=StaticToken.objects.filter(device__user=user, device__confirmed=True).count(),
    )
