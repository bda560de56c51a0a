"""Every API request leaves a row with client, endpoint and status, refused ones included."""

from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiRequestLog

from .helpers import token_client


def test_each_request_is_logged_with_client_endpoint_and_status(two_institutions):
    client = token_client("institution:AAA", client_name="Sistema AAA")
    _, bbb = two_institutions
    client.get(reverse("planning-api:plan-list"), {"year": 2024})
    client.get(reverse("planning-api:plan-detail", args=[bbb.plan.pk]))
    logged = list(
        ApiRequestLog.objects.order_by("id").values_list("client__name", "endpoint", "query", "status")
    )
    assert logged == [
        ("Sistema AAA", "/api/v1/plans/", "year=2024", 200),
        ("Sistema AAA", f"/api/v1/plans/{bbb.plan.pk}/", "", 404),
    ]


def test_refused_request_is_logged_without_client(db):
    APIClient().get(reverse("planning-api:plan-list"))
    assert list(ApiRequestLog.objects.values_list("client", "status")) == [(None, 401)]
