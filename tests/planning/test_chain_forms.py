"""Creating and editing the chain through the workspace forms, with their Spanish refusals."""

from decimal import Decimal

import pytest
from django.urls import reverse

from planning.models import Plan, ProgrammaticCategory
from tests.factories import PlanFactory, ProductFactory, ResultFactory
from tests.planning.chain_data import product_data

pytestmark = pytest.mark.django_db


def post_product(client, plan, **overrides):
    return client.post(reverse("planning:product_create", args=[plan.pk]), product_data(**overrides))


def test_planner_creates_product_linked_to_existing_category(client, planner, plan, category):
    client.force_login(planner)

    response = post_product(client, plan)

    product = plan.products.get(code="P-02")
    assert response.status_code == 302
    assert response.url == reverse("planning:product_detail", args=[product.pk])
    assert product.category == category
    assert product.is_national
    assert product.result is None
    assert product.history.first().history_user == planner


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("11-0-000-002", "Use el formato programa-subprograma-proyecto-actividad"),
        ("13-00-000-001", "El programa 13 no existe en TST"),
        ("11-00-000-009", "La categoría 11-00-000-009 no está registrada"),
    ],
)
def test_category_code_is_checked(client, planner, plan, category, code, message):
    client.force_login(planner)

    response = post_product(client, plan, category_code=code)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not plan.products.exists()


def test_new_category_is_registered_when_described(client, planner, plan, category):
    client.force_login(planner)

    post_product(client, plan, category_code="11-00-000-009", category_name="Nueva actividad")

    new = ProgrammaticCategory.objects.get(program=category.program, activity="009")
    assert new.code == "11-00-000-009"
    assert plan.products.get().category == new


def test_coverage_rules(client, planner, plan, category, geography):
    client.force_login(planner)
    guatemala, peten = geography["guatemala"], geography["peten"]
    flores = geography["flores"]

    both = post_product(client, plan, departments=[guatemala.pk]).content.decode()
    none = post_product(client, plan, is_national=None).content.decode()
    stray = post_product(
        client, plan, is_national=None, departments=[guatemala.pk], municipalities=[flores.pk]
    )

    assert "Con cobertura nacional no se listan departamentos ni municipios." in both
    assert "Marque cobertura nacional o elija al menos un departamento." in none
    assert "Municipios fuera de los departamentos elegidos: Flores." in stray.content.decode()
    assert not plan.products.exists()

    post_product(client, plan, is_national=None, departments=[peten.pk], municipalities=[flores.pk])
    product = plan.products.get()
    assert list(product.departments.all()) == [peten]
    assert list(product.municipalities.all()) == [flores]


def test_unit_must_come_from_the_catalogue_and_code_has_no_spaces(client, planner, plan, category):
    client.force_login(planner)

    page = post_product(client, plan, unit="Kilos", code="P 02").content.decode()

    assert "Escoja una opción válida" in page
    assert "Use letras, dígitos, puntos o guiones, sin espacios." in page


def test_duplicate_product_code_in_plan_is_refused(client, planner, plan, category):
    ProductFactory(plan=plan, code="P-02", category=category)
    client.force_login(planner)

    page = post_product(client, plan).content.decode()

    assert "Ya existe el código P-02 en los productos de este plan." in page
    assert plan.products.count() == 1


def test_planner_creates_subproduct_with_department_coverage(client, planner, plan, category, geography):
    product = ProductFactory(plan=plan, category=category, unit="Documento")
    client.force_login(planner)

    response = client.post(
        reverse("planning:subproduct_create", args=[product.pk]),
        {
            "code": "S-1",
            "position": "1",
            "name": "Prórroga de Documentos Migratorios",
            "unit": "Documento",
            "departments": [geography["guatemala"].pk],
        },
    )

    subproduct = product.subproducts.get()
    assert response.url == reverse("planning:subproduct_detail", args=[subproduct.pk])
    assert list(subproduct.departments.all()) == [geography["guatemala"]]


def result_data(**overrides):
    data = {
        "code": "RI-1",
        "position": "1",
        "level": "intermediate",
        "description": "Para el año 2030 se ha incrementado la atención a migrantes",
        "unit": "Persona",
        "baseline_year": "2021",
        "baseline_value": "64660",
        "pgg_axis": "Eje 5. El Estado como garante de los derechos humanos",
        "pgg_objective": "Fortalecer la protección de migrantes",
        "ods_targets": "5.2, 16.5",
        "pnd_priorities": "Fortalecimiento Institucional, Seguridad y Justicia",
        "target_2026": "686372",
        "statement_2026": "686,372 personas en 2026",
        "target_2030": "1347953",
    }
    data.update(overrides)
    return data


def test_planner_creates_result_with_yearly_targets_and_policy_links(client, planner, plan):
    client.force_login(planner)

    response = client.post(reverse("planning:result_create", args=[plan.pk]), result_data())

    result = plan.results.get()
    assert response.url == reverse("planning:result_detail", args=[result.pk])
    assert result.ods_targets == "5.2, 16.5"
    assert list(result.targets.values_list("year", "value", "statement")) == [
        (2026, Decimal("686372.00"), "686,372 personas en 2026"),
        (2030, Decimal("1347953.00"), ""),
    ]


def test_result_form_refuses_falling_cumulative_targets_and_bad_ods(client, planner, plan):
    client.force_login(planner)

    page = client.post(
        reverse("planning:result_create", args=[plan.pk]),
        result_data(target_2027="600000", ods_targets="meta cinco", baseline_year="2027"),
    ).content.decode()

    assert "La meta es acumulada: no puede ser menor que la anterior (686372" in page
    assert "Escriba las metas ODS separadas por comas" in page
    assert "La línea base no puede ser posterior al inicio del plan (2026)." in page
    assert not plan.results.exists()


def test_editing_a_result_drops_cleared_years(client, planner, plan):
    client.force_login(planner)
    client.post(reverse("planning:result_create", args=[plan.pk]), result_data())
    result = plan.results.get()

    client.post(
        reverse("planning:result_edit", args=[result.pk]), result_data(target_2030="", target_2028="700000")
    )

    assert list(result.targets.values_list("year", flat=True)) == [2026, 2028]


def test_editing_keeps_targets_outside_the_plan_years(client, planner, institution):
    poa = PlanFactory(institution=institution, start_year=2024)
    result = ResultFactory(plan=poa)
    result.targets.create(year=2030, value=Decimal("11.00"))
    client.force_login(planner)

    client.post(
        reverse("planning:result_edit", args=[result.pk]), result_data(code=result.code, target_2024="70000")
    )

    assert list(result.targets.values_list("year", "value")) == [
        (2024, Decimal("70000.00")),
        (2030, Decimal("11.00")),
    ]


def test_poa_covers_one_year_and_only_the_lead_approves(client, planner, lead, institution):
    client.force_login(planner)
    url = reverse("planning:plan_create", args=[institution.pk])
    base = {"kind": "POA", "name": "POA 2026", "start_year": "2026", "end_year": "2027", "status": "draft"}

    assert "Un POA abarca un solo año" in client.post(url, base).content.decode()
    approved = {
        **base,
        "end_year": "2026",
        "status": "approved",
        "approval_act": "Acuerdo 1",
        "approval_date": "2025-12-01",
    }
    assert (
        "Solo la jefatura de planificación puede aprobar un plan."
        in client.post(url, approved).content.decode()
    )
    assert not institution.plans.exists()

    client.force_login(lead)
    assert "necesita su acto y fecha" in client.post(url, {**approved, "approval_act": ""}).content.decode()
    client.post(url, approved)
    assert institution.plans.get().status == Plan.Status.APPROVED
