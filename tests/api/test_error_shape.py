"""Errors share one JSON shape: {"error": {"code", "message"}}, plus "fields" for invalid input."""

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
