"""Every API request leaves a row with client, endpoint and status, refused ones included;
rows are written in batches, or by a background thread when they wait too long."""

import time

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services
from accounts.models import ApiRequestLog
from accounts.services import RequestLogBuffer
from tests.api_clients import token_client


def test_each_request_is_logged_with_client_endpoint_and_status(small_world, institution_client):
    neighbours_plan = small_world.neighbour.poa
    institution_client.get(reverse("planning-api:plan-list"), {"year": 2024})
    institution_client.get(reverse("planning-api:plan-detail", args=[neighbours_plan.pk]))
    logged = list(
        ApiRequestLog.objects.order_by("id").values_list("client__name", "endpoint", "query", "status")
    )
    assert logged == [
        ("Sistema INP", "/api/v1/plans/", "year=2024", 200),
        ("Sistema INP", f"/api/v1/plans/{neighbours_plan.pk}/", "", 404),
    ]


def test_refused_request_is_logged_without_client(db):
    APIClient().get(reverse("planning-api:plan-list"))
    assert list(ApiRequestLog.objects.values_list("client", "status")) == [(None, 401)]


@pytest.fixture
def request_log(monkeypatch) -> RequestLogBuffer:
    buffer = RequestLogBuffer()
    monkeypatch.setattr(services, "request_log", buffer)
    return buffer


def test_rows_wait_for_a_full_batch_and_are_written_together(db, settings, request_log):
    settings.API_REQUEST_LOG_BATCH, settings.API_REQUEST_LOG_SECONDS = 3, 3600
    client = token_client("read", client_name="SEGEPLAN")
    client.get(reverse("planning-api:plan-list"))
    client.get(reverse("planning-api:plan-list"), {"year": 2024})
    assert not ApiRequestLog.objects.exists()
    client.get(reverse("planning-api:plan-detail", args=[0]))
    logged = ApiRequestLog.objects.order_by("id").values_list("client__name", "endpoint", "query", "status")
    assert list(logged) == [
        ("SEGEPLAN", "/api/v1/plans/", "", 200),
        ("SEGEPLAN", "/api/v1/plans/", "year=2024", 200),
        ("SEGEPLAN", "/api/v1/plans/0/", "", 404),
    ]


def test_each_row_keeps_the_instant_of_its_request(db, settings, request_log):
    settings.API_REQUEST_LOG_BATCH, settings.API_REQUEST_LOG_SECONDS = 2, 3600
    client = token_client("read")
    before = timezone.now()
    client.get(reverse("planning-api:plan-list"))
    between = timezone.now()
    client.get(reverse("planning-api:plan-list"))
    first, second = ApiRequestLog.objects.order_by("id")
    assert before <= first.created_at <= between <= second.created_at


def _logged() -> bool:
    try:
        return ApiRequestLog.objects.exists()
    except OperationalError:  # SQLite's in-memory test database: the writing thread holds the table
        return False


@pytest.mark.django_db(transaction=True)
def test_a_lone_request_is_written_by_the_background_thread(settings, request_log):
    settings.API_REQUEST_LOG_BATCH, settings.API_REQUEST_LOG_SECONDS = 100, 0.05
    token_client("read", client_name="SEGEPLAN").get(reverse("planning-api:plan-list"))
    deadline = time.monotonic() + 30
    while not _logged() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(ApiRequestLog.objects.values_list("client__name", "status")) == [("SEGEPLAN", 200)]


def test_rows_a_failed_write_could_not_save_are_written_by_the_next(db, settings, request_log, monkeypatch):
    """A busy database (SQLite's lock, a PostgreSQL restart) delays the access log; it does not lose it."""
    settings.API_REQUEST_LOG_BATCH, settings.API_REQUEST_LOG_SECONDS = 1, 3600
    save, calls = services.api_requests_save, []

    def busy_once(*, rows):
        calls.append(len(rows))
        if len(calls) == 1:
            raise OperationalError("database table is locked")
        save(rows=rows)

    monkeypatch.setattr(services, "api_requests_save", busy_once)
    client = token_client("read", client_name="SEGEPLAN")
    client.get(reverse("planning-api:plan-list"))
    assert not ApiRequestLog.objects.exists()
    client.get(reverse("planning-api:plan-list"), {"year": 2024})
    assert calls == [1, 2]
    assert list(ApiRequestLog.objects.order_by("id").values_list("query", flat=True)) == ["", "year=2024"]
