"""The number of SQL queries of a list request does not grow with the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

LISTS = [
    "planning-api:plan-list",
    "planning-api:result-list",
    "planning-api:product-list",
    "planning-api:subproduct-list",
    "planning-api:goal-list",
    "planning-api:reprogramming-list",
    "budget-api:cost-centre-list",
    "budget-api:execution-list",
    "budget-api:execution-totals",
    "indicators-api:indicator-sheet-list",
]


def count_queries(client, url, page_size) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    return len(captured)


@pytest.mark.parametrize("name", LISTS)
def test_queries_are_constant_in_page_size(read_client, small_world, name, django_assert_num_queries):
    """Rows of IGM and of the small world's two institutions."""
    url = reverse(name)
    read_client.get(url)  # the token lookup is cached from the first request on
    small = count_queries(read_client, url, 2)
    with django_assert_num_queries(small):
        read_client.get(url, {"page_size": 4})
