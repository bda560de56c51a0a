"""Every read endpoint lists and shows its objects, with money as two-place strings and codes as strings."""

import pytest
from django.urls import reverse

from .helpers import results

# (URL name, objects per institution in the two_institutions data)
LIST_ENDPOINTS = [
    ("planning-api:institution", 1),
    ("planning-api:plan", 1),
    ("planning-api:result", 1),
    ("planning-api:program", 1),
    ("planning-api:category", 1),
    ("planning-api:product", 1),
    ("planning-api:subproduct", 2),
    ("planning-api:goal", 2),
    ("planning-api:reprogramming", 1),
    ("planning-api:budget-projection", 1),
    ("budget-api:cost-centre", 1),
    ("budget-api:execution", 6),
    ("indicators-api:indicator-sheet", 1),
]


@pytest.mark.parametrize(("name", "per_institution"), LIST_ENDPOINTS)
def test_read_token_lists_every_institution_and_shows_each_object(
    read_client, two_institutions, name, per_institution
):
    for code in ("AAA", "BBB"):
        assert (
            len(results(read_client.get(reverse(f"{name}-list"), {"institution": code}))) == per_institution
        )
    rows = results(read_client.get(reverse(f"{name}-list"), {"institution": "BBB"}))
    detail = read_client.get(reverse(f"{name}-detail", args=[rows[0]["id"]]))
    assert detail.status_code == 200
    assert detail.json() == rows[0]


def test_money_is_a_decimal_string_with_two_places(read_client, two_institutions):
    goal = results(read_client.get(reverse("planning-api:goal-list"), {"institution": "AAA"}))[0]
    assert goal["financial_initial"] == "120000.00"
    execution = results(read_client.get(reverse("budget-api:execution-list"), {"institution": "AAA"}))[0]
    assert execution["financial"] == "100.25"
    assert isinstance(execution["cost_centre_code"], str)


def test_result_carries_its_yearly_targets(read_client, two_institutions):
    result = results(read_client.get(reverse("planning-api:result-list"), {"institution": "AAA"}))[0]
    assert result["targets"] == [{"year": 2024, "value": "1500.00", "statement": ""}]


def test_goal_counts_approved_reprogrammings_per_measure(read_client, two_institutions):
    aaa, _ = two_institutions
    goal = read_client.get(reverse("planning-api:goal-detail", args=[aaa.goals[0].pk])).json()
    assert (goal["physical_reprogrammings"], goal["financial_reprogrammings"]) == (1, 0)


def test_category_code_is_the_full_programmatic_code(read_client, two_institutions):
    aaa, _ = two_institutions
    category = read_client.get(reverse("planning-api:category-detail", args=[aaa.product.category_id])).json()
    assert category["code"] == aaa.product.category.code
    assert category["code"].startswith("11-00-000-")


def test_indicator_sheet_includes_its_yearly_values(read_client, two_institutions):
    sheet = results(read_client.get(reverse("indicators-api:indicator-sheet-list"), {"institution": "AAA"}))[
        0
    ]
    assert sheet["values"] == [{"year": 2024, "value": "12.50"}]
    assert sheet["multiannual_target"] is None
