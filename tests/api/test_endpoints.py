"""Every read endpoint lists and shows its objects, with money as two-place strings and codes as strings."""

import pytest
from django.urls import reverse

from tests.api_clients import results

# (URL name, objects of the small world's Instituto de Prueba, of its neighbour)
LIST_ENDPOINTS = [
    ("planning-api:institution", 1, 1),
    ("planning-api:plan", 2, 1),  # POA 2024 and POM 2026-2030; POA 2024
    ("planning-api:result", 2, 1),
    ("planning-api:program", 2, 1),  # 11 and 99; 12
    ("planning-api:category", 3, 1),
    ("planning-api:product", 2 + 2, 1),
    ("planning-api:subproduct", 4 + 4, 2),
    ("planning-api:goal", 4 + (5 + 5 + 2 + 5), 2),  # POA's four; POM's S1, S2, S3 and P2's own
    ("planning-api:reprogramming", 1, 0),
    ("planning-api:budget-projection", 2 * 5, 0),  # two programs, five years
    ("budget-api:cost-centre", 3, 1),
    ("budget-api:execution", 3 * 12, 2 * 3),
    ("indicators-api:indicator-sheet", 1, 0),
]


@pytest.mark.parametrize(("name", "ours", "neighbours"), LIST_ENDPOINTS)
def test_read_token_lists_every_institution_and_shows_each_object(
    read_client, small_world, name, ours, neighbours
):
    for code, count in (("INP", ours), ("VEC", neighbours)):
        assert len(results(read_client.get(reverse(f"{name}-list"), {"institution": code}))) == count
    rows = results(read_client.get(reverse(f"{name}-list"), {"institution": "INP"}))
    detail = read_client.get(reverse(f"{name}-detail", args=[rows[0]["id"]]))
    assert detail.status_code == 200
    assert detail.json() == rows[0]


def test_money_is_a_decimal_string_with_two_places(read_client, small_world):
    goal = results(read_client.get(reverse("planning-api:goal-list"), {"institution": "VEC"}))[0]
    assert goal["financial_initial"] == "120000.00"
    # January at Quetzaltenango, people in albergues: Q 100.25.
    execution = results(read_client.get(reverse("budget-api:execution-list"), {"institution": "INP"}))[0]
    assert execution["financial"] == "100.25"
    assert isinstance(execution["cost_centre_code"], str)


def test_result_carries_its_yearly_targets(read_client, small_world):
    result = read_client.get(reverse("planning-api:result-detail", args=[small_world.result.pk])).json()
    assert result["targets"] == [{"year": 2024, "value": "1500.00", "statement": ""}]


def test_goal_counts_approved_reprogrammings_per_measure(read_client, small_world):
    goal = read_client.get(reverse("planning-api:goal-detail", args=[small_world.shelters_goal.pk])).json()
    assert (goal["physical_reprogrammings"], goal["financial_reprogrammings"]) == (1, 0)


def test_category_code_is_the_full_programmatic_code(read_client, small_world):
    category_id = small_world.assistance.category_id
    category = read_client.get(reverse("planning-api:category-detail", args=[category_id])).json()
    assert category["code"] == "11-00-000-003"


def test_indicator_sheet_includes_its_yearly_values(read_client, small_world):
    sheet = results(read_client.get(reverse("indicators-api:indicator-sheet-list"), {"institution": "INP"}))[
        0
    ]
    assert sheet["values"] == [{"year": 2026, "value": "100.00"}]
    assert sheet["multiannual_target"] is None
