"""Unchanged data costs a 304: by ETag, and by Last-Modified before any data is read."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import ApiRequestLog

PLANS = "planning-api:plan-list"


def test_same_etag_gives_304_without_body(read_client, two_institutions):
    first = read_client.get(reverse(PLANS))
    assert first.status_code == 200
    again = read_client.get(reverse(PLANS), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert ApiRequestLog.objects.filter(status=304).count() == 1


def test_changed_data_changes_the_etag(read_client, two_institutions):
    aaa, _ = two_institutions
    first = read_client.get(reverse(PLANS))
    aaa.plan.name = "POA 2024 modificado"
    aaa.plan.save()
    again = read_client.get(reverse(PLANS), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_if_modified_since_the_last_change_gives_304_without_reading_plans(read_client, two_institutions):
    first = read_client.get(reverse(PLANS))
    with CaptureQueriesContext(connection) as captured:
        again = read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert not [query for query in captured if 'FROM "planning_plan"' in query["sql"]]


def test_a_change_after_if_modified_since_gives_200(read_client, two_institutions):
    aaa, _ = two_institutions
    stale = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert read_client.get(reverse(PLANS), HTTP_IF_MODIFIED_SINCE=stale).status_code == 200


def test_responses_vary_by_credentials(read_client, two_institutions):
    vary = read_client.get(reverse(PLANS))["Vary"]
    assert "Authorization" in vary
    assert "Cookie" in vary
