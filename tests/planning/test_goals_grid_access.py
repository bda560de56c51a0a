"""Who sees the goals grid, and who gets inputs to edit it."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.models import Plan


def _grid(client, plan):
    return client.get(reverse("planning:goals_grid", args=[plan.pk]))


def test_planner_gets_one_form_for_the_whole_grid(client, small_world):
    client.force_login(small_world.planner)
    body = _grid(client, small_world.pom).content.decode()
    assert body.count('<form method="post" id="goals-form"') == 1
    assert body.count('-financial_2028"') == 4
    assert body.count('type="submit"') == 1
    assert "Q 82,260,000.00" in body


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_director_and_auditor_read_without_inputs(client, small_world, role):
    client.force_login(small_world.user(role))
    response = _grid(client, small_world.pom)
    assert response.status_code == 200
    body = response.content.decode()
    assert "-physical_" not in body
    assert "Q 609.75" in body
    assert "Vista de consulta" in body


def test_approved_plan_shows_no_inputs_even_to_planners(client, small_world):
    small_world.pom.status = Plan.Status.APPROVED
    small_world.pom.save()
    client.force_login(small_world.planner)
    body = _grid(client, small_world.pom).content.decode()
    assert "-physical_" not in body
    assert "las metas se cambian mediante reprogramaciones" in body


def test_officer_is_refused(client, small_world):
    client.force_login(small_world.officer)
    assert _grid(client, small_world.pom).status_code == 403


def test_other_institution_is_refused(client, small_world):
    client.force_login(small_world.neighbour.planner)
    assert _grid(client, small_world.pom).status_code == 403


def test_anonymous_is_sent_to_login(client, small_world):
    response = _grid(client, small_world.pom)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
