"""A ``read`` token sees everything and writes nothing; an ``institution:X`` token lives inside X."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import ApiClient
from budget.models import Execution
from tests.api_clients import results


def execution_payload(cost_centre, subproduct, **overrides) -> dict:
    """February 2024, a month the small world has not reported for these cost centres."""
    payload = {
        "cost_centre": cost_centre.pk,
        "subproduct": subproduct.pk,
        "year": 2024,
        "month": 2,
        "physical": 7,
        "financial": "1234.50",
    }
    return payload | overrides


def own_payload(small_world, **overrides) -> dict:
    """Passports of Oficinas centrales, which has no execution yet."""
    return execution_payload(small_world.central, small_world.passports, **overrides)


def test_read_token_cannot_write_execution(read_client, small_world):
    response = read_client.post(reverse("budget-api:execution-list"), own_payload(small_world), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()


def test_read_token_cannot_write_read_only_resources(read_client, small_world):
    response = read_client.post(reverse("planning-api:plan-list"), {"name": "x"}, format="json")
    assert response.status_code in (403, 405)


def test_institution_token_lists_only_its_institution(institution_client, small_world):
    rows = results(institution_client.get(reverse("budget-api:execution-list")))
    assert {row["id"] for row in rows} == {execution.pk for execution in small_world.executions}
    plans = results(institution_client.get(reverse("planning-api:plan-list")))
    assert [plan["institution_code"] for plan in plans] == ["INP", "INP"]


@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("planning-api:institution", "institution"),
        ("planning-api:plan", "poa"),
        ("planning-api:product", "product"),
        ("budget-api:cost-centre", "cost_centre"),
    ],
)
def test_institution_token_gets_404_for_another_institutions_object(
    institution_client, small_world, name, attribute
):
    response = institution_client.get(
        reverse(f"{name}-detail", args=[getattr(small_world.neighbour, attribute).pk])
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_institution_token_gets_404_for_another_institutions_goal_and_execution(
    institution_client, small_world
):
    neighbour = small_world.neighbour
    goal = institution_client.get(reverse("planning-api:goal-detail", args=[neighbour.goals[0].pk]))
    execution = institution_client.get(
        reverse("budget-api:execution-detail", args=[neighbour.executions[0].pk])
    )
    assert (goal.status_code, execution.status_code) == (404, 404)


def test_siplan_report_of_another_institution_is_404(institution_client, small_world):
    response = institution_client.get(
        reverse("reporting-api:siplan-report"), {"institution": "VEC", "year": 2024, "period": 1}
    )
    assert response.status_code == 404


def test_institution_token_writes_its_own_monthly_execution(institution_client, small_world):
    response = institution_client.post(
        reverse("budget-api:execution-list"), own_payload(small_world), format="json"
    )
    assert response.status_code == 201, response.content
    execution = Execution.objects.get(pk=response.json()["id"])
    assert (execution.physical, execution.financial, execution.version) == (7, Decimal("1234.50"), 1)
    assert execution.history.get().history_user == ApiClient.objects.get(name="Sistema INP").user


def test_posting_the_same_month_again_replaces_it_and_bumps_the_version(institution_client, small_world):
    url = reverse("budget-api:execution-list")
    institution_client.post(url, own_payload(small_world), format="json")
    response = institution_client.post(url, own_payload(small_world, physical=9), format="json")
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert Execution.objects.get(pk=response.json()["id"]).physical == 9
    assert Execution.objects.filter(cost_centre=small_world.central, month=2).count() == 1


def test_institution_token_cannot_write_another_institutions_cost_centre(institution_client, small_world):
    neighbour = small_world.neighbour
    payload = execution_payload(neighbour.cost_centre, neighbour.people)
    response = institution_client.post(reverse("budget-api:execution-list"), payload, format="json")
    assert response.status_code == 404
    assert not Execution.objects.filter(cost_centre=neighbour.cost_centre, month=2).exists()


def test_subproduct_of_another_institution_is_404_even_with_own_cost_centre(institution_client, small_world):
    payload = execution_payload(small_world.central, small_world.neighbour.people)
    response = institution_client.post(reverse("budget-api:execution-list"), payload, format="json")
    assert response.status_code == 404


def test_invalid_execution_is_rejected_with_field_errors_in_spanish(institution_client, small_world):
    payload = own_payload(small_world, month=13, financial="-5.00")
    response = institution_client.post(reverse("budget-api:execution-list"), payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "Los datos enviados no son válidos."
    assert set(error["fields"]) == {"month", "financial"}
