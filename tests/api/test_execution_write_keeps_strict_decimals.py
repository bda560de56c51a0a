"""The API keeps strict decimal strings: figures written for people («1,500.50», «Q 10») are refused
there, while the upload and the entry grid take them (tests/budget)."""

import pytest
from django.urls import reverse

from budget.models import Execution

URL = "budget-api:execution-list"


@pytest.mark.parametrize(
    ("field", "value"), [("financial", "1,500.50"), ("financial", "Q 10.00"), ("physical", "1,500")]
)
def test_a_figure_written_for_people_is_refused_by_the_api(small_world, institution_client, field, value):
    payload = {
        "cost_centre": small_world.central.pk,
        "subproduct": small_world.passports.pk,
        "year": 2024,
        "month": 3,
        "physical": 40,
        "financial": "1500.50",
    }
    before = Execution.objects.count()
    response = institution_client.post(reverse(URL), payload | {field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert Execution.objects.count() == before
