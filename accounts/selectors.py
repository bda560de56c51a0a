"""Reads for API clients and tokens."""

from django.db.models import Count, Max, QuerySet

from .models import ApiToken


def api_token_list(*, include_revoked: bool = False) -> QuerySet[ApiToken]:
    tokens = ApiToken.objects.select_related("client").annotate(
        last_used_at=Max("requests__created_at"), request_count=Count("requests")
    )
    return tokens if include_revoked else tokens.filter(revoked_at__isnull=True)
