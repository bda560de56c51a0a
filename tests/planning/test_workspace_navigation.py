"""Planning staff, directors and auditors walk the chain; each page links the next one."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.services.reprogrammings import reprogramming_approve, reprogramming_request
from tests.factories import GoalFactory, PlanFactory, ProductFactory, ResultFactory, SubproductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(institution):
    plan = PlanFactory(
        institution=institution, name="POM 2026-2030", kind="POM", start_year=2026, end_year=2030
    )
    result = ResultFactory(plan=plan, code="RI-1", description="Migrantes atendidos con protección")
    product = ProductFactory(
        plan=plan, result=result, name="Asistencia y Protección a las Personas Migrantes"
    )
    subproduct = SubproductFactory(product=product, name="Migrantes atendidos en albergues")
    goal = GoalFactory(subproduct=subproduct, year=2026)
    return {"plan": plan, "result": result, "product": product, "subproduct": subproduct, "goal": goal}


@pytest.mark.parametrize("role", [Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR])
def test_readers_walk_the_chain_from_the_entry_page(client, make_user, chain, institution, role):
    client.force_login(make_user(role))
    pages = [
        (reverse("planning:index"), "Instituto de Prueba"),
        (reverse("planning:institution_detail", args=[institution.pk]), "POM 2026-2030"),
        (reverse("planning:plan_detail", args=[chain["plan"].pk]), "Asistencia y Protección"),
        (reverse("planning:result_detail", args=[chain["result"].pk]), "Asistencia y Protección"),
        (reverse("planning:product_detail", args=[chain["product"].pk]), "Migrantes atendidos en albergues"),
        (reverse("planning:subproduct_detail", args=[chain["subproduct"].pk]), "1,200"),
        (reverse("planning:goal_detail", args=[chain["goal"].pk]), "Q 120,000.00"),
    ]
    for url, text in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_breadcrumbs_follow_the_chain(client, planner, chain):
    client.force_login(planner)

    page = client.get(reverse("planning:subproduct_detail", args=[chain["subproduct"].pk])).content.decode()

    crumbs = page[page.index('class="crumbs"') : page.index("</nav>", page.index('class="crumbs"'))]
    order = [
        "Planificación",
        "TST",
        "POM 2026-2030",
        "RI-1",
        "Asistencia y Protección",
        "Migrantes atendidos",
    ]
    positions = [crumbs.index(label) for label in order]
    assert positions == sorted(positions)


def test_empty_plan_says_so(client, planner, institution):
    plan = PlanFactory(institution=institution, name="POA 2027", start_year=2027)
    client.force_login(planner)

    page = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()

    assert "Sin resultados institucionales todavía." in page
    assert "Sin productos todavía." in page


def test_plan_products_are_paginated(client, planner, institution):
    plan = PlanFactory(institution=institution)
    ProductFactory.create_batch(25, plan=plan)
    client.force_login(planner)

    first = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()
    second = client.get(reverse("planning:plan_detail", args=[plan.pk]), {"pagina": 2}).content.decode()

    assert "Página 1 de 2" in first
    assert second.count('href="/planificacion/productos/') == 5


def test_plan_page_queries_do_not_grow_with_products(
    client, planner, institution, django_assert_max_num_queries
):
    plan = PlanFactory(institution=institution)
    ProductFactory.create_batch(15, plan=plan)
    client.force_login(planner)

    with django_assert_max_num_queries(12):
        client.get(reverse("planning:plan_detail", args=[plan.pk]))


def test_goal_tables_count_approved_reprogrammings_per_measure(client, planner, lead, approved_goal):
    request = reprogramming_request(
        goal=approved_goal,
        measure="financial",
        new_value="100000.00",
        justification="Recorte",
        supporting_act="Resolución 7",
        effective_date="2024-06-01",
        user=planner,
    )
    reprogramming_approve(reprogramming=request, user=lead)
    client.force_login(planner)

    page = client.get(
        reverse("planning:subproduct_detail", args=[approved_goal.subproduct_id])
    ).content.decode()

    row = page[page.index("<td>2024</td>") : page.index("</tr>", page.index("<td>2024</td>"))]
    cells = [cell.split(">")[-1] for cell in row.split("</td>")[:7]]
    assert cells == ["2024", "1,200", "0", "1,200", "Q 120,000.00", "1", "Q 100,000.00"]


def test_product_page_lists_goals_the_plan_declares_for_the_product(client, planner, chain):
    goal = GoalFactory(subproduct=None, product=chain["product"], year=2027, physical_initial=5000)
    client.force_login(planner)

    page = client.get(reverse("planning:product_detail", args=[chain["product"].pk])).content.decode()

    assert "Metas declaradas del producto" in page
    assert reverse("planning:goal_detail", args=[goal.pk]) in page
    assert "5,000" in page
