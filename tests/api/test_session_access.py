"""The browser's session follows the same rules: officers see only their own cost centres."""

from django.urls import reverse
from rest_framework.test import APIClient

from budget.models import Execution
from tests.api_clients import results


def session_client(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_officer_sees_only_executions_of_own_cost_centres(small_world):
    client = session_client(small_world.xela_officer)
    centres = results(client.get(reverse("budget-api:cost-centre-list")))
    assert [centre["id"] for centre in centres] == [small_world.xela.pk]
    executions = results(client.get(reverse("budget-api:execution-list")))
    assert {row["id"] for row in executions} == {
        execution.pk for execution in small_world.executions if execution.cost_centre == small_world.xela
    }
    assert (
        client.get(reverse("budget-api:cost-centre-detail", args=[small_world.peten.pk])).status_code == 404
    )


def test_planner_sees_own_institution_only(small_world):
    client = session_client(small_world.planner)
    plans = results(client.get(reverse("planning-api:plan-list")))
    assert [plan["id"] for plan in plans] == [small_world.poa.pk, small_world.pom.pk]
    neighbours = small_world.neighbour.poa
    assert client.get(reverse("planning-api:plan-detail", args=[neighbours.pk])).status_code == 404


def test_director_cannot_write_execution(small_world):
    client = session_client(small_world.director)
    payload = {"cost_centre": small_world.central.pk, "subproduct": small_world.passports.pk, "year": 2024}
    response = client.post(reverse("budget-api:execution-list"), payload | {"month": 3, "financial": "1.00"})
    assert response.status_code == 403
    assert not Execution.objects.filter(cost_centre=small_world.central, month=3).exists()


def test_officer_writes_own_cost_centre_but_not_a_colleagues(small_world):
    # Oficinas centrales is his; Quetzaltenango, which also produces passports, is a colleague's.
    client = session_client(small_world.officer)
    payload = {"subproduct": small_world.passports.pk, "year": 2024, "month": 3, "financial": "1.00"}
    own = client.post(reverse("budget-api:execution-list"), payload | {"cost_centre": small_world.central.pk})
    other = client.post(reverse("budget-api:execution-list"), payload | {"cost_centre": small_world.xela.pk})
    assert (own.status_code, other.status_code) == (201, 404)


def test_segeplan_user_reads_every_institution(small_world):
    client = session_client(small_world.segeplan)
    codes = {plan["institution_code"] for plan in results(client.get(reverse("planning-api:plan-list")))}
    assert {"INP", "VEC"} <= codes
