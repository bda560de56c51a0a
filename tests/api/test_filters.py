"""Filters by institution, year, period, program, product, cost centre and modified-since."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from budget.models import Execution

from .helpers import results

EXECUTIONS = "budget-api:execution-list"


def execution_ids(client, **params) -> set[int]:
    return {row["id"] for row in results(client.get(reverse(EXECUTIONS), params))}


def test_filter_by_institution(read_client, two_institutions):
    aaa, _ = two_institutions
    assert execution_ids(read_client, institution="AAA") == {e.pk for e in aaa.executions}


def test_filter_by_period_keeps_its_four_months(read_client, two_institutions):
    aaa, bbb = two_institutions
    assert execution_ids(read_client, institution="AAA", period=2) == {
        e.pk for e in aaa.executions if e.month == 5
    }


def test_filter_by_year_month_and_cost_centre(read_client, two_institutions):
    aaa, _ = two_institutions
    ids = execution_ids(read_client, year=2024, month=9, cost_centre=aaa.cost_centre.pk)
    assert ids == {e.pk for e in aaa.executions if e.month == 9}
    assert execution_ids(read_client, institution="AAA", year=2023) == set()


def test_a_month_outside_1_12_is_a_400_in_spanish(read_client, two_institutions):
    response = read_client.get(reverse(EXECUTIONS), {"month": 13})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"]["month"] == ["Asegúrese de que este valor es menor o igual a 12."]


def test_filter_by_program_and_product(read_client, two_institutions):
    aaa, bbb = two_institutions
    assert execution_ids(read_client, institution="BBB", program="12") == {e.pk for e in bbb.executions}
    assert execution_ids(read_client, institution="BBB", program="11") == set()
    assert execution_ids(read_client, product=aaa.product.pk) == {e.pk for e in aaa.executions}


def test_modified_since_returns_only_rows_changed_after_the_instant(read_client, two_institutions):
    aaa, _ = two_institutions
    later = timezone.now() + timedelta(seconds=1)
    Execution.objects.filter(pk=aaa.executions[0].pk).update(updated_at=later + timedelta(seconds=1))
    assert execution_ids(read_client, modified_since=later.isoformat()) == {aaa.executions[0].pk}
    assert len(execution_ids(read_client, institution="AAA", modified_since="2000-01-01T00:00:00Z")) == 6


def test_modified_since_on_history_backed_resources(read_client, two_institutions):
    aaa, _ = two_institutions
    since = timezone.now()
    aaa.product.name = "Producto renombrado"
    aaa.product.save()
    rows = results(
        read_client.get(reverse("planning-api:product-list"), {"modified_since": since.isoformat()})
    )
    assert [row["name"] for row in rows] == ["Producto renombrado"]


def test_plans_filtered_by_covered_year_and_institution(read_client, two_institutions):
    rows = results(read_client.get(reverse("planning-api:plan-list"), {"year": 2024, "institution": "BBB"}))
    assert [row["institution_code"] for row in rows] == ["BBB"]
    assert (
        results(read_client.get(reverse("planning-api:plan-list"), {"year": 2030, "institution": "BBB"}))
        == []
    )


def test_goals_filtered_by_institution_through_their_subproduct(read_client, two_institutions):
    _, bbb = two_institutions
    rows = results(read_client.get(reverse("planning-api:goal-list"), {"institution": "BBB"}))
    assert {row["id"] for row in rows} == {goal.pk for goal in bbb.goals}


def test_modified_since_accepts_unusual_offsets_and_extreme_dates(read_client, two_institutions):
    for instant in ("2024-01-01T00:00:00+19:08", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"):
        for name in (EXECUTIONS, "planning-api:product-list"):
            assert read_client.get(reverse(name), {"modified_since": instant}).status_code == 200
