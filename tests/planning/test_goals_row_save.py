"""Planning staff save a subproduct's goals from the grid; an approved plan refuses."""

from decimal import Decimal

from django.urls import reverse

from planning.models import Goal, Plan
from tests.factories import SubproductFactory


def _post(client, plan, subproduct, data):
    url = reverse("planning:goals_row_save", args=[plan.pk, subproduct.pk])
    return client.post(url, data)


def _row_data(values):
    data = {}
    for year, (physical, financial) in values.items():
        data[f"physical_{year}"] = physical
        data[f"financial_{year}"] = financial
    return data


def test_planner_saves_every_year_of_a_subproduct(client, small_world):
    planner = small_world.planner
    subproduct = SubproductFactory(product=small_world.pom.products.get(code="P1"), unit="Documento")
    client.force_login(planner)
    response = _post(
        client,
        small_world.pom,
        subproduct,
        _row_data({2026: ("1,500", "Q 1,234.50"), 2027: ("1600", "2000"), 2028: ("", "")}),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sub-{subproduct.pk}")
    goals = {goal.year: goal for goal in Goal.objects.filter(subproduct=subproduct)}
    assert sorted(goals) == [2026, 2027]
    assert (goals[2026].physical_initial, goals[2026].physical_current) == (1500, 1500)
    assert goals[2026].financial_current == Decimal("1234.50")
    assert goals[2026].history.latest().history_user == planner


def test_approved_plan_refuses_and_keeps_the_goals(client, small_world):
    small_world.pom.status = Plan.Status.APPROVED
    small_world.pom.save()
    subproduct = small_world.pom.products.get(code="P1").subproducts.get(code="S1")
    client.force_login(small_world.planner)
    response = _post(client, small_world.pom, subproduct, _row_data({2026: ("5", "5")}))
    assert response.status_code == 400
    assert "está aprobado: cambie la meta mediante una reprogramación" in response.content.decode()
    assert Goal.objects.get(subproduct=subproduct, year=2026).physical_current == 1000


def test_bad_figures_are_reported_and_the_typed_row_is_kept(client, small_world):
    subproduct = small_world.pom.products.get(code="P1").subproducts.get(code="S1")
    client.force_login(small_world.planner)
    response = _post(client, small_world.pom, subproduct, _row_data({2026: ("-3", "abc"), 2027: ("9", "")}))
    body = response.content.decode()
    assert response.status_code == 400
    assert "no se guardó nada" in body
    assert 'value="abc"' in body
    assert "Escriba la meta física y la financiera de 2027" in body
    assert Goal.objects.get(subproduct=subproduct, year=2027).physical_current == 1001


def test_director_cannot_save(client, small_world):
    subproduct = small_world.pom.products.get(code="P1").subproducts.get(code="S1")
    client.force_login(small_world.director)
    response = _post(client, small_world.pom, subproduct, _row_data({2026: ("5", "5")}))
    assert response.status_code == 403
    assert Goal.objects.get(subproduct=subproduct, year=2026).physical_current == 1000
