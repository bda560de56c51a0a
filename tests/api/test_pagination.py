"""Pages are stable: walking them returns every object exactly once, in the same order each time."""

from django.urls import reverse

from tests.factories import InstitutionFactory


def walk(client, url, params) -> list[int]:
    ids, response = [], client.get(url, params)
    while True:
        body = response.json()
        ids += [row["id"] for row in body["results"]]
        if not body["next"]:
            return ids
        response = client.get(body["next"])


def test_page_number_pagination_walks_every_object_once(read_client, db):
    InstitutionFactory.create_batch(7)
    url = reverse("planning-api:institution-list")
    ids = walk(read_client, url, {"page_size": 3})
    assert len(ids) == len(set(ids)) == 7
    assert ids == walk(read_client, url, {"page_size": 3})
    assert read_client.get(url, {"page_size": 3}).json()["count"] == 7


def test_execution_cursor_pagination_walks_rows_in_id_order(read_client, two_institutions):
    ids = walk(read_client, reverse("budget-api:execution-list"), {"page_size": 5})
    assert len(ids) == 12
    assert ids == sorted(ids)
