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
    for number in range(7):
        InstitutionFactory(code=f"PAG{number}", budget_code=f"8000-{number:04d}-000-000")
    url = reverse("planning-api:institution-list")
    count = read_client.get(url, {"page_size": 3}).json()["count"]
    ids = walk(read_client, url, {"page_size": 3})
    assert len(ids) == len(set(ids)) == count >= 7
    assert ids == walk(read_client, url, {"page_size": 3})


def test_execution_cursor_pagination_walks_rows_in_id_order(read_client, small_world):
    ids = walk(read_client, reverse("budget-api:execution-list"), {"page_size": 5, "institution": "INP"})
    assert len(ids) == len(small_world.executions) == 3 * 12
    assert ids == sorted(ids)
