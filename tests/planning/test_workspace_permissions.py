"""Only planning staff edit plans; directors and auditors read; officers stay out of planning."""

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.models import Institution, Plan
from planning.services.reprogrammings import reprogramming_request
from tests.factories import (
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    SubproductFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(institution):
    product = ProductFactory(plan=PlanFactory(institution=institution, status=Plan.Status.APPROVED))
    subproduct = SubproductFactory(product=product)
    return {
        "plan": product.plan,
        "product": product,
        "subproduct": subproduct,
        "goal": GoalFactory(subproduct=subproduct),
    }


def edit_urls(chain, institution):
    return [
        reverse("planning:institution_edit", args=[institution.pk]),
        reverse("planning:plan_create", args=[institution.pk]),
        reverse("planning:plan_edit", args=[chain["plan"].pk]),
        reverse("planning:result_create", args=[chain["plan"].pk]),
        reverse("planning:product_create", args=[chain["plan"].pk]),
        reverse("planning:product_edit", args=[chain["product"].pk]),
        reverse("planning:subproduct_create", args=[chain["product"].pk]),
        reverse("planning:subproduct_edit", args=[chain["subproduct"].pk]),
    ]


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR, Role.OFFICER])
def test_non_planning_roles_cannot_open_or_post_edit_forms(client, make_user, chain, institution, role):
    client.force_login(make_user(role))
    for url in edit_urls(chain, institution):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_readers_see_no_edit_buttons_nor_request_form(client, make_user, chain, role):
    client.force_login(make_user(role))

    product_page = client.get(reverse("planning:product_detail", args=[chain["product"].pk])).content.decode()
    goal_page = client.get(reverse("planning:goal_detail", args=[chain["goal"].pk])).content.decode()

    assert "Editar producto" not in product_page
    assert "Solicitar reprogramación" not in goal_page


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR])
def test_readers_cannot_request_reprogramming_by_post(client, make_user, chain, role):
    client.force_login(make_user(role))

    response = client.post(
        reverse("planning:goal_detail", args=[chain["goal"].pk]),
        {
            "measure": "physical",
            "new_value": "1",
            "effective_date": "2024-05-02",
            "supporting_act": "Oficio 1",
            "justification": "x",
        },
    )

    assert response.status_code == 403
    assert not chain["goal"].reprogrammings.exists()


def test_officer_cannot_read_the_planning_workspace(client, make_user, chain):
    client.force_login(make_user(Role.OFFICER))

    assert client.get(reverse("planning:index")).status_code == 403
    assert client.get(reverse("planning:plan_detail", args=[chain["plan"].pk])).status_code == 403
    assert client.get(reverse("planning:reprogramming_index")).status_code == 403


def test_planner_of_another_institution_cannot_read_or_edit(client, chain):
    outsider = UserFactory(role=Role.PLANNER, institution=InstitutionFactory(code="OTRA"))
    client.force_login(outsider)

    assert client.get(reverse("planning:plan_detail", args=[chain["plan"].pk])).status_code == 403
    assert client.get(reverse("planning:product_edit", args=[chain["product"].pk])).status_code == 403


def test_anonymous_is_sent_to_login(client, chain):
    response = client.get(reverse("planning:plan_detail", args=[chain["plan"].pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_planner_cannot_decide_reprogramming(client, planner, chain):
    reprogramming = reprogramming_request(
        goal=chain["goal"],
        measure="physical",
        new_value=10,
        justification="x",
        supporting_act="Oficio 2",
        effective_date="2024-05-02",
        user=planner,
    )
    client.force_login(planner)

    response = client.post(
        reverse("planning:reprogramming_detail", args=[reprogramming.pk]), {"decision": "approve"}
    )

    assert response.status_code == 403
    chain["goal"].refresh_from_db()
    assert chain["goal"].physical_current == 1200


def test_only_administrators_register_institutions(client, planner, admin_user):
    data = {"code": "NUEVA", "budget_code": "1120-0777-000-000", "name": "Institución nueva"}
    client.force_login(planner)
    assert client.post(reverse("planning:institution_create"), data).status_code == 403

    client.force_login(admin_user)
    assert client.post(reverse("planning:institution_create"), data).status_code == 302
    assert Institution.objects.filter(code="NUEVA").exists()


def test_planner_edits_own_institution_and_bad_budget_code_is_explained(client, planner, institution):
    client.force_login(planner)
    url = reverse("planning:institution_edit", args=[institution.pk])
    data = {
        "code": "TST",
        "budget_code": "1120-999",
        "name": "Instituto de Prueba",
        "head_name": "Lic. Nueva",
    }

    assert "Use el formato 1120-0069-000-000." in client.post(url, data).content.decode()
    client.post(url, {**data, "budget_code": "1120-0999-000-000"})
    institution.refresh_from_db()
    assert institution.head_name == "Lic. Nueva"
