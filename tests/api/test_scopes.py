"""A ``read`` token sees everything and writes nothing; an ``institution:X`` token lives inside X."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import ApiClient
from budget.models import Execution

from .helpers import results


def execution_payload(data, **overrides) -> dict:
    payload = {
        "cost_centre": data.cost_centre.pk,
        "subproduct": data.subproducts[0].pk,
        "year": 2024,
        "month": 2,
        "physical": 7,
        "financial": "1234.50",
    }
    return payload | overrides


def test_read_token_cannot_write_execution(read_client, two_institutions):
    aaa, _ = two_institutions
    response = read_client.post(reverse("budget-api:execution-list"), execution_payload(aaa), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Execution.objects.filter(cost_centre=aaa.cost_centre, month=2).exists()


def test_read_token_cannot_write_read_only_resources(read_client, two_institutions):
    response = read_client.post(reverse("planning-api:plan-list"), {"name": "x"}, format="json")
    assert response.status_code in (403, 405)


def test_institution_token_lists_only_its_institution(institution_client, two_institutions):
    aaa, _ = two_institutions
    rows = results(institution_client.get(reverse("budget-api:execution-list")))
    assert {row["id"] for row in rows} == {execution.pk for execution in aaa.executions}
    plans = results(institution_client.get(reverse("planning-api:plan-list")))
    assert [plan["institution_code"] for plan in plans] == ["AAA"]


@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("planning-api:institution", "institution"),
        ("planning-api:plan", "plan"),
        ("planning-api:product", "product"),
        ("budget-api:cost-centre", "cost_centre"),
    ],
)
def test_institution_token_gets_404_for_another_institutions_object(
    institution_client, two_institutions, name, attribute
):
    _, bbb = two_institutions
    response = institution_client.get(reverse(f"{name}-detail", args=[getattr(bbb, attribute).pk]))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_institution_token_gets_404_for_another_institutions_goal_and_execution(
    institution_client, two_institutions
):
    _, bbb = two_institutions
    goal = institution_client.get(reverse("planning-api:goal-detail", args=[bbb.goals[0].pk]))
    execution = institution_client.get(reverse("budget-api:execution-detail", args=[bbb.executions[0].pk]))
    assert (goal.status_code, execution.status_code) == (404, 404)


def test_siplan_report_of_another_institution_is_404(institution_client, two_institutions):
    response = institution_client.get(
        reverse("reporting-api:siplan-report"), {"institution": "BBB", "year": 2024, "period": 1}
    )
    assert response.status_code == 404


def test_institution_token_writes_its_own_monthly_execution(institution_client, two_institutions):
    aaa, _ = two_institutions
    response = institution_client.post(
        reverse("budget-api:execution-list"), execution_payload(aaa), format="json"
    )
    assert response.status_code == 201, response.content
    execution = Execution.objects.get(pk=response.json()["id"])
    assert (execution.physical, execution.financial, execution.version) == (7, Decimal("1234.50"), 1)
    assert execution.history.get().history_user == ApiClient.objects.get(name="Sistema AAA").user


def test_posting_the_same_month_again_replaces_it_and_bumps_the_version(institution_client, two_institutions):
    aaa, _ = two_institutions
    url = reverse("budget-api:execution-list")
    institution_client.post(url, execution_payload(aaa), format="json")
    response = institution_client.post(url, execution_payload(aaa, physical=9), format="json")
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert Execution.objects.get(pk=response.json()["id"]).physical == 9
    assert Execution.objects.filter(cost_centre=aaa.cost_centre, month=2).count() == 1


def test_institution_token_cannot_write_another_institutions_cost_centre(
    institution_client, two_institutions
):
    _, bbb = two_institutions
    response = institution_client.post(
        reverse("budget-api:execution-list"), execution_payload(bbb), format="json"
    )
    assert response.status_code == 404
    assert not Execution.objects.filter(cost_centre=bbb.cost_centre, month=2).exists()


def test_subproduct_of_another_institution_is_404_even_with_own_cost_centre(
    institution_client, two_institutions
):
    aaa, bbb = two_institutions
    payload = execution_payload(aaa, subproduct=bbb.subproducts[0].pk)
    response = institution_client.post(reverse("budget-api:execution-list"), payload, format="json")
    assert response.status_code == 404


def test_invalid_execution_is_rejected_with_field_errors_in_spanish(institution_client, two_institutions):
    aaa, _ = two_institutions
    payload = execution_payload(aaa, month=13, financial="-5.00")
    response = institution_client.post(reverse("budget-api:execution-list"), payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "Los datos enviados no son válidos."
    assert set(error["fields"]) == {"month", "financial"}
