"""Only planning staff edit plans; directors and auditors read; officers stay out of planning."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.models import Institution
from planning.services.reprogrammings import reprogramming_request


def edit_urls(small_world):
    """The approved POA 2024's forms, down to its product of documents and their passports."""
    return [
        reverse("planning:institution_edit", args=[small_world.institution.pk]),
        reverse("planning:plan_create", args=[small_world.institution.pk]),
        reverse("planning:plan_edit", args=[small_world.poa.pk]),
        reverse("planning:result_create", args=[small_world.poa.pk]),
        reverse("planning:product_create", args=[small_world.poa.pk]),
        reverse("planning:product_edit", args=[small_world.documents.pk]),
        reverse("planning:subproduct_create", args=[small_world.documents.pk]),
        reverse("planning:subproduct_edit", args=[small_world.passports.pk]),
    ]


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR, Role.OFFICER])
def test_non_planning_roles_cannot_open_or_post_edit_forms(client, small_world, role):
    client.force_login(small_world.user(role))
    for url in edit_urls(small_world):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_readers_see_no_edit_buttons_nor_request_form(client, small_world, role):
    client.force_login(small_world.user(role))

    product_page = client.get(
        reverse("planning:product_detail", args=[small_world.documents.pk])
    ).content.decode()
    goal_page = client.get(
        reverse("planning:goal_detail", args=[small_world.passports_goal.pk])
    ).content.decode()

    assert "Editar producto" not in product_page
    assert "Solicitar reprogramación" not in goal_page


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_readers_cannot_request_reprogramming_by_post(client, small_world, role):
    client.force_login(small_world.user(role))

    response = client.post(
        reverse("planning:goal_detail", args=[small_world.passports_goal.pk]),
        {
            "measure": "physical",
            "new_value": "1",
            "effective_date": "2024-05-02",
            "supporting_act": "Oficio 1",
            "justification": "x",
        },
    )

    assert response.status_code == 403
    assert not small_world.passports_goal.reprogrammings.exists()


def test_officer_cannot_read_the_planning_workspace(client, small_world):
    client.force_login(small_world.officer)

    assert client.get(reverse("planning:index")).status_code == 403
    assert client.get(reverse("planning:plan_detail", args=[small_world.poa.pk])).status_code == 403
    assert client.get(reverse("planning:reprogramming_index")).status_code == 403


def test_planner_of_another_institution_cannot_read_or_edit(client, small_world):
    client.force_login(small_world.neighbour.planner)

    assert client.get(reverse("planning:plan_detail", args=[small_world.poa.pk])).status_code == 403
    assert client.get(reverse("planning:product_edit", args=[small_world.documents.pk])).status_code == 403


def test_anonymous_is_sent_to_login(client, small_world):
    response = client.get(reverse("planning:plan_detail", args=[small_world.poa.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_planner_cannot_decide_reprogramming(client, small_world):
    planner, goal = small_world.planner, small_world.passports_goal
    request = {"measure": "physical", "new_value": 10, "justification": "x", "supporting_act": "Oficio 2"}
    reprogramming = reprogramming_request(goal=goal, effective_date="2024-05-02", user=planner, **request)
    client.force_login(planner)

    response = client.post(
        reverse("planning:reprogramming_detail", args=[reprogramming.pk]), {"decision": "approve"}
    )

    assert response.status_code == 403
    goal.refresh_from_db()
    assert goal.physical_current == 12000


def test_only_administrators_register_institutions(client, small_world, admin_user):
    data = {"code": "NUEVA", "budget_code": "1120-0777-000-000", "name": "Institución nueva"}
    client.force_login(small_world.planner)
    assert client.post(reverse("planning:institution_create"), data).status_code == 403

    client.force_login(admin_user)
    assert client.post(reverse("planning:institution_create"), data).status_code == 302
    assert Institution.objects.filter(code="NUEVA").exists()


def test_planner_edits_own_institution_and_bad_budget_code_is_explained(client, small_world):
    institution = small_world.institution
    client.force_login(small_world.planner)
    url = reverse("planning:institution_edit", args=[institution.pk])
    data = {
        "code": "INP",
        "budget_code": "1120-999",
        "name": "Instituto de Prueba",
        "head_name": "Lic. Nueva",
    }

    assert "Use el formato 1120-0069-000-000." in client.post(url, data).content.decode()
    client.post(url, {**data, "budget_code": "1120-0901-000-000"})
    institution.refresh_from_db()
    assert institution.head_name == "Lic. Nueva"
