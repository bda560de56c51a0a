"""The POA of a year is created from the POM that covers it: its chain and the year's goals as initial
goals, linked to the POM, in formulation; a second one is refused; from then on it governs the year."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role
from budget.models import Execution
from planning.models import Goal, Plan, Subproduct
from planning.selectors.plans import plan_for_year
from tests.cast.cycle import cycle_institution
from tests.factories import ExecutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    return cycle_institution()


def test_command_creates_the_poa_with_the_years_goals_as_initial_goals(cycle):
    pom = cycle["pom"]
    ExecutionFactory(
        cost_centre=cycle["cost_centre"], subproduct=cycle["subproducts"][0], year=2026, month=2, physical=7
    )
    out = StringIO()
    call_command(
        "create_annual_plan", "--institution", "CIC", "--year", "2026", "--user", "cic-planner", stdout=out
    )

    poa = Plan.objects.get(institution=cycle["institution"], kind=Plan.Kind.POA, start_year=2026)
    assert (poa.end_year, poa.status, poa.source_plan) == (2026, Plan.Status.DRAFT, pom)
    assert plan_for_year(institution=cycle["institution"], year=2026) == poa
    assert plan_for_year(institution=cycle["institution"], year=2027) == pom
    copies = {sub.code: sub for sub in Subproduct.objects.filter(product__plan=poa)}
    assert sorted(copies) == ["S1", "S2", "SX"]
    goal = Goal.objects.get(subproduct=copies["S1"], year=2026)
    assert (goal.physical_initial, goal.physical_current, goal.financial_initial) == (
        1200,
        1200,
        Decimal("1000.00"),
    )
    assert Goal.objects.get(product__plan=poa, year=2026).physical_initial == 9999
    result = poa.results.get()
    assert list(result.targets.values_list("year", "value")) == [(2026, Decimal("500.00"))]
    assert poa.products.get().result == result
    # The cost centre produces the POA's subproducts, and the year's execution moved to them.
    assert set(cycle["cost_centre"].subproducts.filter(product__plan=poa).values_list("code", flat=True)) == {
        "S1",
        "S2",
    }
    assert Execution.objects.get(year=2026, month=2).subproduct == copies["S1"]
    history = goal.history.first()
    assert history.history_user.username == "cic-planner"
    assert "Creación del POA 2026" in history.history_change_reason


def test_a_second_poa_of_the_same_year_is_refused_in_spanish(cycle):
    call_command("create_annual_plan", "--institution", "CIC", "--year", "2026", stdout=StringIO())
    with pytest.raises(CommandError, match="Ya existe el POA 2026 de CIC"):
        call_command("create_annual_plan", "--institution", "CIC", "--year", "2026", stdout=StringIO())
    assert Plan.objects.filter(kind=Plan.Kind.POA, institution=cycle["institution"]).count() == 1


def test_a_year_no_pom_covers_is_refused(cycle):
    with pytest.raises(CommandError, match="no tiene un POM que cubra el año 2031"):
        call_command("create_annual_plan", "--institution", "CIC", "--year", "2031", stdout=StringIO())


def test_poms_page_creates_the_poa_and_then_links_to_it(client, cycle):
    client.force_login(cycle["users"][Role.PLANNER])
    pom = cycle["pom"]
    page = client.get(f"/planificacion/planes/{pom.pk}/").content.decode()
    assert "Crear POA 2026" in page and "Crear POA 2028" in page
    response = client.post(f"/planificacion/planes/{pom.pk}/poa/2026/crear/", follow=True)
    poa = Plan.objects.get(kind=Plan.Kind.POA, institution=cycle["institution"])
    assert response.redirect_chain[-1][0] == f"/planificacion/planes/{poa.pk}/programacion/"
    page = client.get(f"/planificacion/planes/{pom.pk}/").content.decode()
    assert f'href="/planificacion/planes/{poa.pk}/"' in page and "Crear POA 2026" not in page
    assert "Crear POA 2027" in page


def test_only_planning_staff_create_a_poa(client, cycle):
    client.force_login(cycle["users"][Role.DIRECTOR])
    assert "Crear POA" not in client.get(f"/planificacion/planes/{cycle['pom'].pk}/").content.decode()
    assert client.post(f"/planificacion/planes/{cycle['pom'].pk}/poa/2026/crear/").status_code == 403
    assert not Plan.objects.filter(kind=Plan.Kind.POA, institution=cycle["institution"]).exists()
