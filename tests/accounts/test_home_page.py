"""The home page's plans open their plan page for the roles that read plans."""

import pytest
from django.test import Client

from accounts.models import Role
from planning.models import Plan
from tests.factories import UserFactory


def _home(igm, role) -> str:
    client = Client()
    client.force_login(UserFactory(username=f"inicio-{role}", role=role, institution=igm))
    return client.get("/").content.decode()


# The auditor starts at the national view (tests/national/test_national_access.py).
@pytest.mark.parametrize("role", [Role.PLANNER, Role.DIRECTOR, Role.PLANNING_LEAD])
def test_plan_names_link_to_their_plan_page(igm, role):
    page = _home(igm, role)
    for plan in Plan.objects.filter(institution=igm):
        assert f'<a href="/planificacion/planes/{plan.pk}/">{plan.name}</a>' in page


def test_officers_see_the_plans_without_links_they_could_not_open(igm):
    page = _home(igm, Role.OFFICER)
    assert "Plan Operativo Anual 2024" in page
    assert "/planificacion/planes/" not in page


def test_officers_start_from_their_monthly_execution(igm):
    page = _home(igm, Role.OFFICER)
    assert 'id="officer-start"' in page
    assert 'href="/ejecucion/"' in page and 'href="/reportes/desviaciones/"' in page
