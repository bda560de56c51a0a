"""Filters by institution, year, period, program, product, cost centre and modified-since."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from budget.models import Execution
from tests.api_clients import results

EXECUTIONS = "budget-api:execution-list"


def execution_ids(client, **params) -> set[int]:
    return {row["id"] for row in results(client.get(reverse(EXECUTIONS), params))}


def test_filter_by_institution(read_client, small_world):
    assert execution_ids(read_client, institution="INP") == {e.pk for e in small_world.executions}


def test_filter_by_period_keeps_its_four_months(read_client, small_world):
    assert execution_ids(read_client, institution="INP", period=2) == {
        e.pk for e in small_world.executions if e.month in (5, 6, 7, 8)
    }


def test_filter_by_year_month_and_cost_centre(read_client, small_world):
    ids = execution_ids(read_client, year=2024, month=9, cost_centre=small_world.xela.pk)
    assert ids == {e.pk for e in small_world.executions if e.month == 9 and e.cost_centre == small_world.xela}
    assert execution_ids(read_client, institution="INP", year=2023) == set()


def test_a_month_outside_1_12_is_a_400_in_spanish(read_client, small_world):
    response = read_client.get(reverse(EXECUTIONS), {"month": 13})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"]["month"] == ["Asegúrese de que este valor es menor o igual a 12."]


def test_filter_by_program_and_product(read_client, small_world):
    neighbour = small_world.neighbour
    assert execution_ids(read_client, institution="VEC", program="12") == {e.pk for e in neighbour.executions}
    assert execution_ids(read_client, institution="VEC", program="11") == set()
    # All of Instituto de Prueba's execution is of the product «Asistencia y Protección…».
    assert execution_ids(read_client, product=small_world.assistance.pk) == {
        e.pk for e in small_world.executions
    }


def test_modified_since_returns_only_rows_changed_after_the_instant(read_client, small_world):
    first = small_world.executions[0]
    later = timezone.now() + timedelta(seconds=1)
    Execution.objects.filter(pk=first.pk).update(updated_at=later + timedelta(seconds=1))
    assert execution_ids(read_client, modified_since=later.isoformat()) == {first.pk}
    since_2000 = execution_ids(read_client, institution="INP", modified_since="2000-01-01T00:00:00Z")
    assert len(since_2000) == 3 * 12


def test_modified_since_on_history_backed_resources(read_client, small_world):
    since = timezone.now()
    small_world.assistance.name = "Producto renombrado"
    small_world.assistance.save()
    rows = results(
        read_client.get(reverse("planning-api:product-list"), {"modified_since": since.isoformat()})
    )
    assert [row["name"] for row in rows] == ["Producto renombrado"]


def test_plans_filtered_by_covered_year_and_institution(read_client, small_world):
    rows = results(read_client.get(reverse("planning-api:plan-list"), {"year": 2024, "institution": "VEC"}))
    assert [row["institution_code"] for row in rows] == ["VEC"]
    assert (
        results(read_client.get(reverse("planning-api:plan-list"), {"year": 2030, "institution": "VEC"}))
        == []
    )


def test_goals_filtered_by_institution_through_their_subproduct(read_client, small_world):
    rows = results(read_client.get(reverse("planning-api:goal-list"), {"institution": "VEC"}))
    assert {row["id"] for row in rows} == {goal.pk for goal in small_world.neighbour.goals}


def test_modified_since_accepts_unusual_offsets_and_extreme_dates(read_client, small_world):
    for instant in ("2024-01-01T00:00:00+19:08", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"):
        for name in (EXECUTIONS, "planning-api:product-list"):
            assert read_client.get(reverse(name), {"modified_since": instant}).status_code == 200
