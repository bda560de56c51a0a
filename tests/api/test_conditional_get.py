"""Unchanged data costs a 304: by ETag, and by Last-Modified before any data is read."""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils.http import http_date

from accounts.models import ApiRequestLog
from planning.models import Plan

PLANS = "planning-api:plan-list"


def test_same_etag_gives_304_without_body(read_client, small_world):
    first = read_client.get(reverse(PLANS))
    assert first.status_code == 200
    again = read_client.get(reverse(PLANS), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert ApiRequestLog.objects.filter(status=304).count() == 1


def test_changed_data_changes_the_etag(read_client, small_world):
    first = read_client.get(reverse(PLANS))
    small_world.poa.name = "POA 2024 modificado"
    small_world.poa.save()
    again = read_client.get(reverse(PLANS), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_if_modified_since_the_last_change_gives_304_without_reading_plans(
    read_client, small_world, settings
):
    settings.API_SETTLE_SECONDS = 0
    first = read_client.get(reverse(PLANS))
    with CaptureQueriesContext(connection) as captured:
        again = read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert not [query for query in captured if 'FROM "planning_plan"' in query["sql"]]


def test_a_change_after_if_modified_since_gives_200(read_client, small_world):
    stale = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=stale).status_code == 200


def test_if_modified_since_is_trusted_only_once_the_last_change_has_settled(
    read_client, small_world, settings
):
    """A write that commits late can carry an earlier instant: recent dates never give a 304."""
    recent = read_client.get(reverse(PLANS))
    assert read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=recent["Last-Modified"]).status_code == 200
    Plan.history.update(history_date=F("history_date") - timedelta(seconds=settings.API_SETTLE_SECONDS + 1))
    settled = read_client.get(reverse(PLANS))
    again = read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=settled["Last-Modified"])
    assert again.status_code == 304


def test_responses_vary_by_credentials(read_client, small_world):
    vary = read_client.get(reverse(PLANS))["Vary"]
    assert "Authorization" in vary
    assert "Cookie" in vary


def later_than(response) -> datetime:
    """An instant safely after the response's Last-Modified (HTTP dates have one-second resolution)."""
    return parsedate_to_datetime(response["Last-Modified"]) + timedelta(seconds=5)


def rename_cost_centre(small_world):
    small_world.xela.code = "CC-NUEVO"
    return small_world.xela


def rename_product(small_world):
    small_world.assistance.code = "P-NUEVO"
    return small_world.assistance


def rename_subproduct(small_world):
    small_world.shelters.name = "Subproducto con otro nombre"
    return small_world.shelters


@pytest.mark.parametrize(
    ("url", "change", "shown"),
    [
        (reverse_lazy("budget-api:execution-list") + "?institution=INP", rename_cost_centre, "CC-NUEVO"),
        (
            reverse_lazy("budget-api:execution-totals") + "?institution=INP&level=product",
            rename_product,
            "P-NUEVO",
        ),
        (
            reverse_lazy("reporting-api:siplan-report") + "?institution=INP&year=2024&period=3",
            rename_subproduct,
            "Subproducto con otro nombre",
        ),
    ],
    ids=["executions-cost-centre", "totals-product", "siplan-subproduct"],
)
def test_a_change_to_related_data_shown_in_the_rows_is_not_answered_304(
    read_client, small_world, settings, url, change, shown
):
    """The rows carry codes and names of related objects: changing those must move Last-Modified."""
    settings.API_SETTLE_SECONDS = 0
    first = read_client.get(url)
    assert first.status_code == 200 and shown.encode() not in first.content
    changed = change(small_world)
    changed._history_date = later_than(first)
    changed.save()
    again = read_client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert shown.encode() in again.content


def test_last_modified_is_the_latest_change_in_utc(read_client, small_world):
    latest = Plan.history.order_by("-history_date").values_list("history_date", flat=True).first()
    response = read_client.get(reverse(PLANS))
    assert response["Last-Modified"] == http_date(latest.timestamp())
