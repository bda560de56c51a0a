"""Planning staff, directors and auditors walk the chain; each page links the next one."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.services.reprogrammings import reprogramming_approve, reprogramming_request
from tests.factories import GoalFactory, PlanFactory, ProductFactory


@pytest.mark.parametrize("role", [Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR])
def test_readers_walk_the_chain_from_the_entry_page(client, small_world, role):
    # The POM under formulation: result R1, product P1, its subproduct «Prórroga» (200 / Q 99.25 in 2026).
    client.force_login(small_world.user(role))
    pages = [
        (reverse("planning:index"), "Instituto de Prueba"),
        (reverse("planning:institution_detail", args=[small_world.institution.pk]), "POM 2026-2030"),
        (reverse("planning:plan_detail", args=[small_world.pom.pk]), "Emisión de Documentos Migratorios"),
        (
            reverse("planning:result_detail", args=[small_world.pom_result.pk]),
            "Emisión de Documentos Migratorios",
        ),
        (reverse("planning:product_detail", args=[small_world.pom_documents.pk]), "Prórroga"),
        (reverse("planning:subproduct_detail", args=[small_world.extension.pk]), "Q 99.25"),
        (reverse("planning:goal_detail", args=[small_world.extension_2026.pk]), "Q 99.25"),
    ]
    for url, text in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_breadcrumbs_follow_the_chain(client, small_world):
    client.force_login(small_world.planner)

    page = client.get(reverse("planning:subproduct_detail", args=[small_world.extension.pk])).content.decode()

    crumbs = page[page.index('class="crumbs"') : page.index("</nav>", page.index('class="crumbs"'))]
    order = ["Planificación", "INP", "POM 2026-2030", "R1", "Emisión de Documentos", "Prórroga"]
    positions = [crumbs.index(label) for label in order]
    assert positions == sorted(positions)


def test_empty_plan_says_so(client, small_world):
    plan = PlanFactory(institution=small_world.institution, name="POA 2027", start_year=2027)
    client.force_login(small_world.planner)

    page = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()

    assert "Sin resultados institucionales todavía." in page
    assert "Sin productos todavía." in page


def test_plan_products_are_paginated(client, small_world):
    plan = PlanFactory(institution=small_world.institution, start_year=2025)
    ProductFactory.create_batch(25, plan=plan)
    client.force_login(small_world.planner)

    first = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()
    second = client.get(reverse("planning:plan_detail", args=[plan.pk]), {"pagina": 2}).content.decode()

    assert "Página 1 de 2" in first
    assert second.count('href="/planificacion/productos/') == 5


def test_plan_page_queries_do_not_grow_with_products(client, small_world, django_assert_max_num_queries):
    plan = PlanFactory(institution=small_world.institution, start_year=2025)
    ProductFactory.create_batch(15, plan=plan)
    client.force_login(small_world.planner)

    with django_assert_max_num_queries(12):
        client.get(reverse("planning:plan_detail", args=[plan.pk]))


def test_goal_tables_show_what_approved_reprogrammings_changed_per_measure(client, small_world):
    """The «Reprog.» columns hold amounts in their unit (a count of requests sat between two amounts)."""
    planner, approved_goal = small_world.planner, small_world.visas_goal  # 800 / Q 90,000.00 in 2024
    cut = {"measure": "financial", "new_value": "80000.00", "justification": "Recorte"}
    request = reprogramming_request(
        goal=approved_goal, supporting_act="Resolución 7", effective_date="2024-06-01", user=planner, **cut
    )
    reprogramming_approve(reprogramming=request, user=small_world.planning_lead)
    client.force_login(planner)

    page = client.get(
        reverse("planning:subproduct_detail", args=[approved_goal.subproduct_id])
    ).content.decode()

    row = page[page.index("<td>2024</td>") : page.index("</tr>", page.index("<td>2024</td>"))]
    cells = [cell.split(">")[-1] for cell in row.split("</td>")[:7]]
    assert cells == ["2024", "800", "0", "800", "Q 90,000.00", "Q -10,000.00", "Q 80,000.00"]
    assert 'title="1 reprogramación(es) aprobada(s)"' in row


def test_product_page_lists_goals_the_plan_declares_for_the_product(client, small_world):
    product = small_world.pom_documents
    goal = GoalFactory(subproduct=None, product=product, year=2027, physical_initial=5000)
    client.force_login(small_world.planner)

    page = client.get(reverse("planning:product_detail", args=[product.pk])).content.decode()

    assert "Metas declaradas del producto" in page
    assert reverse("planning:goal_detail", args=[goal.pk]) in page
    assert "5,000" in page
