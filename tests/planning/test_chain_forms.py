"""Creating and editing the chain through the workspace forms, with their Spanish refusals."""

from decimal import Decimal

import pytest
from django.urls import reverse

from planning.models import Plan, ProgrammaticCategory
from tests.factories import ProductFactory


def product_data(**overrides):
    """The product form's fields for «Emisión de Documentos Migratorios» in category 11-00-000-002,
    which the small world's Instituto de Prueba has; None leaves a field out."""
    data = {
        "code": "P-02",
        "position": "2",
        "name": "Emisión de Documentos Migratorios",
        "result": "",
        "unit": "Documento",
        "category_code": "11-00-000-002",
        "category_name": "",
        "responsible_units": "Subdirección de Extranjería",
        "is_national": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def product_codes(plan) -> list[str]:
    return sorted(plan.products.values_list("code", flat=True))


def post_product(client, plan, **overrides):
    return client.post(reverse("planning:product_create", args=[plan.pk]), product_data(**overrides))


def test_planner_creates_product_linked_to_existing_category(client, small_world):
    client.force_login(small_world.planner)

    response = post_product(client, small_world.pom)

    product = small_world.pom.products.get(code="P-02")
    assert response.status_code == 302
    assert response.url == reverse("planning:product_detail", args=[product.pk])
    assert product.category.code == "11-00-000-002"
    assert product.category == small_world.pom_documents.category
    assert product.is_national
    assert product.result is None
    assert product.history.first().history_user == small_world.planner


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("11-0-000-002", "Use el formato programa-subprograma-proyecto-actividad"),
        ("13-00-000-001", "El programa 13 no existe en INP"),
        ("11-00-000-009", "La categoría 11-00-000-009 no está registrada"),
    ],
)
def test_category_code_is_checked(client, small_world, code, message):
    client.force_login(small_world.planner)

    response = post_product(client, small_world.pom, category_code=code)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert product_codes(small_world.pom) == ["P1", "P2"]


def test_new_category_is_registered_when_described(client, small_world):
    client.force_login(small_world.planner)

    post_product(client, small_world.pom, category_code="11-00-000-009", category_name="Nueva actividad")

    new = ProgrammaticCategory.objects.get(program=small_world.pom_documents.category.program, activity="009")
    assert new.code == "11-00-000-009"
    assert small_world.pom.products.get(code="P-02").category == new


def test_coverage_rules(client, small_world):
    client.force_login(small_world.planner)
    plan = small_world.pom
    guatemala, peten = small_world.central.department, small_world.peten.department
    flores = small_world.peten.municipality

    both = post_product(client, plan, departments=[guatemala.pk]).content.decode()
    none = post_product(client, plan, is_national=None).content.decode()
    stray = post_product(
        client, plan, is_national=None, departments=[guatemala.pk], municipalities=[flores.pk]
    )

    assert "Con cobertura nacional no se listan departamentos ni municipios." in both
    assert "Marque cobertura nacional o elija al menos un departamento." in none
    assert "Municipios fuera de los departamentos elegidos: Flores." in stray.content.decode()
    assert product_codes(plan) == ["P1", "P2"]

    post_product(client, plan, is_national=None, departments=[peten.pk], municipalities=[flores.pk])
    product = plan.products.get(code="P-02")
    assert list(product.departments.all()) == [peten]
    assert list(product.municipalities.all()) == [flores]


def test_unit_must_come_from_the_catalogue_and_code_has_no_spaces(client, small_world):
    client.force_login(small_world.planner)

    page = post_product(client, small_world.pom, unit="Kilos", code="P 02").content.decode()

    assert "Escoja una opción válida" in page
    assert "Use letras, dígitos, puntos o guiones, sin espacios." in page


def test_duplicate_product_code_in_plan_is_refused(client, small_world):
    plan = small_world.pom
    ProductFactory(plan=plan, code="P-02", category=small_world.pom_documents.category)
    client.force_login(small_world.planner)

    page = post_product(client, plan).content.decode()

    assert "Ya existe el código P-02 en los productos de este plan." in page
    assert product_codes(plan) == ["P-02", "P1", "P2"]


def test_planner_creates_subproduct_with_department_coverage(client, small_world):
    product = ProductFactory(
        plan=small_world.pom, category=small_world.pom_documents.category, unit="Documento"
    )
    guatemala = small_world.central.department
    client.force_login(small_world.planner)

    response = client.post(
        reverse("planning:subproduct_create", args=[product.pk]),
        {
            "code": "S-1",
            "position": "1",
            "name": "Prórroga de Documentos Migratorios",
            "unit": "Documento",
            "departments": [guatemala.pk],
        },
    )

    subproduct = product.subproducts.get()
    assert response.url == reverse("planning:subproduct_detail", args=[subproduct.pk])
    assert list(subproduct.departments.all()) == [guatemala]


def result_data(**overrides):
    return {
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
    } | overrides


def test_planner_creates_result_with_yearly_targets_and_policy_links(client, small_world):
    plan = small_world.pom
    client.force_login(small_world.planner)

    response = client.post(reverse("planning:result_create", args=[plan.pk]), result_data())

    result = plan.results.get(code="RI-1")
    assert response.url == reverse("planning:result_detail", args=[result.pk])
    assert result.ods_targets == "5.2, 16.5"
    assert list(result.targets.values_list("year", "value", "statement")) == [
        (2026, Decimal("686372.00"), "686,372 personas en 2026"),
        (2030, Decimal("1347953.00"), ""),
    ]


def test_result_form_refuses_falling_cumulative_targets_and_bad_ods(client, small_world):
    plan = small_world.pom
    client.force_login(small_world.planner)

    page = client.post(
        reverse("planning:result_create", args=[plan.pk]),
        result_data(target_2027="600000", ods_targets="meta cinco", baseline_year="2027"),
    ).content.decode()

    assert "La meta es acumulada: no puede ser menor que la anterior (686372" in page
    assert "Escriba las metas ODS separadas por comas" in page
    assert "La línea base no puede ser posterior al inicio del plan (2026)." in page
    assert list(plan.results.values_list("code", flat=True)) == ["R1"]


def test_editing_a_result_drops_cleared_years(client, small_world):
    plan = small_world.pom
    client.force_login(small_world.planner)
    client.post(reverse("planning:result_create", args=[plan.pk]), result_data())
    result = plan.results.get(code="RI-1")

    client.post(
        reverse("planning:result_edit", args=[result.pk]), result_data(target_2030="", target_2028="700000")
    )

    assert list(result.targets.values_list("year", flat=True)) == [2026, 2028]


def test_editing_keeps_targets_outside_the_plan_years(client, small_world):
    result = small_world.result  # of the POA 2024, with its 2024 target of 1,500
    result.targets.create(year=2030, value=Decimal("11.00"))
    client.force_login(small_world.planner)

    client.post(
        reverse("planning:result_edit", args=[result.pk]), result_data(code=result.code, target_2024="70000")
    )

    assert list(result.targets.values_list("year", "value")) == [
        (2024, Decimal("70000.00")),
        (2030, Decimal("11.00")),
    ]


def test_poa_covers_one_year_and_only_the_lead_approves(client, small_world):
    institution = small_world.institution
    client.force_login(small_world.planner)
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
    assert sorted(institution.plans.values_list("name", flat=True)) == ["POA 2024", "POM 2026-2030"]

    client.force_login(small_world.planning_lead)
    assert "necesita su acto y fecha" in client.post(url, {**approved, "approval_act": ""}).content.decode()
    client.post(url, approved)
    assert institution.plans.get(name="POA 2026").status == Plan.Status.APPROVED
