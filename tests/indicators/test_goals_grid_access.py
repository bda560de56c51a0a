"""Who sees the goals grid, and who gets inputs to edit it."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.models import Plan
from tests.factories import InstitutionFactory, UserFactory


def _grid(client, plan):
    return client.get(reverse("planning:goals_grid", args=[plan.pk]))


def test_planner_gets_one_form_per_subproduct(client, small_pom):
    client.force_login(UserFactory(role=Role.PLANNER, institution=small_pom.institution))
    body = _grid(client, small_pom).content.decode()
    assert body.count('<form id="f-sub-') == 4
    assert 'name="financial_2028"' in body
    assert "Q 82,260,000.00" in body


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_director_and_auditor_read_without_inputs(client, small_pom, role):
    client.force_login(UserFactory(role=role, institution=small_pom.institution))
    response = _grid(client, small_pom)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="physical_' not in body
    assert "Q 609.75" in body
    assert "Vista de consulta" in body


def test_approved_plan_shows_no_inputs_even_to_planners(client, small_pom):
    small_pom.status = Plan.Status.APPROVED
    small_pom.save()
    client.force_login(UserFactory(role=Role.PLANNER, institution=small_pom.institution))
    body = _grid(client, small_pom).content.decode()
    assert 'name="physical_' not in body
    assert "las metas se cambian mediante reprogramaciones" in body


def test_officer_is_refused(client, small_pom):
    client.force_login(UserFactory(role=Role.OFFICER, institution=small_pom.institution))
    assert _grid(client, small_pom).status_code == 403


def test_other_institution_is_refused(client, small_pom):
    client.force_login(UserFactory(role=Role.PLANNER, institution=InstitutionFactory()))
    assert _grid(client, small_pom).status_code == 403


def test_anonymous_is_sent_to_login(client, small_pom):
    response = _grid(client, small_pom)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
