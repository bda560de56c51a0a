"""Errors share one JSON shape: {"error": {"code", "message"}}, plus "fields" for invalid input."""

import pytest
from django.urls import reverse


def test_bad_query_parameter_is_400_in_the_error_shape(read_client, small_world):
    response = read_client.get(reverse("budget-api:execution-totals"), {"level": "programa"})
    assert response.status_code == 400
    body = response.json()
    assert list(body) == ["error"]
    assert body["error"]["code"] == "invalid"
    assert "level" in body["error"]["fields"]


def test_missing_object_is_404_in_the_error_shape(read_client, db):
    response = read_client.get(reverse("planning-api:plan-detail", args=[999999]))
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No encontrado."}}


@pytest.mark.parametrize("debug", [False, True])
def test_malformed_id_is_404_in_the_error_shape(read_client, db, settings, debug):
    settings.DEBUG = debug
    for path in ("/api/v1/goals/0.5/", "/api/v1/no-existe/", "/api/v2/goals/1/"):
        response = read_client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("page_size", {"page_size": "null"}),
        ("page_size", {"page_size": "0"}),
        ("page_size", {"page_size": "1001"}),
        ("page_size", {"page_size": "2.5"}),
        ("page", {"page": "0"}),
        ("page", {"page": "primera"}),
        ("page", {"page": "9" * 5000}),
        ("month", {"month": "0"}),
        ("month", {"month": "13"}),
        ("period", {"period": "4"}),
        ("year", {"year": "1999"}),
        ("year", {"year": ["2024", "2025"]}),
        ("modified_since", {"modified_since": ""}),
    ],
)
def test_what_the_schema_forbids_is_400_naming_the_parameter(read_client, db, name, query):
    url = reverse("budget-api:execution-totals")
    response = read_client.get(url, {"institution": "IGM", **query})
    assert response.status_code == 400, response.content
    assert list(response.json()["error"]["fields"]) == [name]


def test_the_schemas_bounds_are_accepted(read_client, db):
    url = reverse("budget-api:execution-totals")
    query = {"institution": "IGM", "month": 12, "period": 3, "year": 2100, "page": 1, "page_size": 1000}
    assert read_client.get(url, query).status_code == 200
