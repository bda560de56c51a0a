"""The browser's session follows the same rules: officers see only their own cost centres."""

from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Role
from budget.models import Execution
from tests.factories import CostCentreFactory, UserFactory

from .helpers import results


def session_client(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_officer_sees_only_executions_of_own_cost_centres(two_institutions):
    aaa, _ = two_institutions
    officer = UserFactory(role=Role.OFFICER, institution=aaa.institution)
    aaa.cost_centre.officers.add(officer)
    other_centre = CostCentreFactory(institution=aaa.institution)
    client = session_client(officer)
    centres = results(client.get(reverse("budget-api:cost-centre-list")))
    assert [centre["id"] for centre in centres] == [aaa.cost_centre.pk]
    executions = results(client.get(reverse("budget-api:execution-list")))
    assert len(executions) == len(aaa.executions)
    assert client.get(reverse("budget-api:cost-centre-detail", args=[other_centre.pk])).status_code == 404


def test_planner_sees_own_institution_only(two_institutions):
    aaa, bbb = two_institutions
    client = session_client(UserFactory(role=Role.PLANNER, institution=aaa.institution))
    plans = results(client.get(reverse("planning-api:plan-list")))
    assert [plan["id"] for plan in plans] == [aaa.plan.pk]
    assert client.get(reverse("planning-api:plan-detail", args=[bbb.plan.pk])).status_code == 404


def test_director_cannot_write_execution(two_institutions):
    aaa, _ = two_institutions
    client = session_client(UserFactory(role=Role.DIRECTOR, institution=aaa.institution))
    payload = {"cost_centre": aaa.cost_centre.pk, "subproduct": aaa.subproducts[0].pk, "year": 2024}
    response = client.post(reverse("budget-api:execution-list"), payload | {"month": 3, "financial": "1.00"})
    assert response.status_code == 403
    assert not Execution.objects.filter(cost_centre=aaa.cost_centre, month=3).exists()


def test_officer_writes_own_cost_centre_but_not_a_colleagues(two_institutions):
    aaa, _ = two_institutions
    officer = UserFactory(role=Role.OFFICER, institution=aaa.institution)
    aaa.cost_centre.officers.add(officer)
    colleague_centre = CostCentreFactory(institution=aaa.institution)
    client = session_client(officer)
    payload = {"subproduct": aaa.subproducts[0].pk, "year": 2024, "month": 3, "financial": "1.00"}
    own = client.post(reverse("budget-api:execution-list"), payload | {"cost_centre": aaa.cost_centre.pk})
    other = client.post(reverse("budget-api:execution-list"), payload | {"cost_centre": colleague_centre.pk})
    assert (own.status_code, other.status_code) == (201, 404)


def test_segeplan_user_reads_every_institution(two_institutions):
    client = session_client(UserFactory(role=Role.SEGEPLAN, institution=None))
    codes = {plan["institution_code"] for plan in results(client.get(reverse("planning-api:plan-list")))}
    assert {"AAA", "BBB"} <= codes
