"""Every reader of a plan sees the change history of its plan, results, products and subproducts."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from planning.models import Plan
from planning.selectors.history import object_changes
from planning.services.chain import product_save, result_save
from planning.services.plans import plan_save
from tests.change_history import history_rows
from tests.factories import ProductFactory, ResultFactory
from tests.planning.test_chain_forms import product_data


def resave(product, planner, times: int) -> None:
    """Save the product ``times`` times through the service, each with a new name."""
    for n in range(times):
        product.name = f"Producto versión {n + 1}"
        product_save(
            product=product,
            user=planner,
            category_code=product.category.code,
            departments=[],
            municipalities=[],
        )


def new_product(small_world, **fields):
    """A nationwide product of the POM under formulation, in its category 11-00-000-002."""
    category = small_world.pom_documents.category
    return ProductFactory(plan=small_world.pom, category=category, is_national=True, **fields)


def product_page(client, product, **query):
    return client.get(reverse("planning:product_detail", args=[product.pk]), query).content.decode()


def test_auditor_sees_who_changed_the_product_why_and_each_field(client, small_world):
    client.force_login(small_world.planner)
    client.post(reverse("planning:product_create", args=[small_world.pom.pk]), product_data())
    product = small_world.pom.products.get(code="P-02")
    client.post(
        reverse("planning:product_edit", args=[product.pk]),
        product_data(name="Emisión de Pasaportes", unit="Persona"),
    )

    client.force_login(small_world.auditor)
    newest, first = history_rows(product_page(client, product))

    assert "Ana Planificadora Edición del producto" in newest
    assert "Nombre: Emisión de Documentos Migratorios → Emisión de Pasaportes" in newest
    assert "Unidad de medida: Documento → Persona" in newest
    assert "Código" not in newest  # only the fields that changed
    assert "Ana Planificadora Edición del producto" in first


def test_display_uses_choice_labels_related_names_and_yes_no(small_world):
    planner, plan = small_world.planner, small_world.pom
    result = ResultFactory(plan=plan, code="R2", description="Personas migrantes atendidas")
    product = ProductFactory(plan=plan, category=small_world.pom_documents.category, is_national=True)
    product.result, product.pgg_major_contribution = result, True
    product_save(
        product=product, user=planner, category_code="11-00-000-002", departments=[], municipalities=[]
    )
    plan.status, plan.approval_act = Plan.Status.SUBMITTED, "Oficio 12-2025"
    plan_save(plan=plan, user=planner)

    (product_change, created) = object_changes(instance=product).object_list
    (plan_change, _first) = object_changes(instance=plan).object_list

    assert [(f.label, f.old, f.new) for f in product_change.fields] == [
        ("Resultado institucional", "", "Personas migrantes atendidas"),
        ("Mayor contribución a la PGG", "No", "Sí"),
    ]
    assert (created.why, created.who, created.fields) == ("Registro inicial", "sistema", ())
    assert [(f.label, f.old, f.new) for f in plan_change.fields] == [
        ("Estado", "En formulación", "Presentado"),
        ("Acto de aprobación", "", "Oficio 12-2025"),
    ]


def test_history_pages_twenty_versions_at_a_time(client, small_world):
    product = new_product(small_world, name="Producto versión 0")
    resave(product, small_world.planner, 24)
    client.force_login(small_world.auditor)

    first = product_page(client, product)
    second = product_page(client, product, historial=2)

    assert len(history_rows(first)) == 20
    assert "Página 1 de 2" in first and 'href="?historial=2#historial"' in first
    rows = history_rows(second)
    assert len(rows) == 5
    assert "Nombre: Producto versión 0 → Producto versión 1" in rows[-2]
    assert "sistema Registro inicial" in rows[-1]
    assert 'href="?historial=1#historial"' in second


def test_history_links_keep_the_page_of_other_lists(client, small_world):
    product = new_product(small_world)
    resave(product, small_world.planner, 24)
    client.force_login(small_world.auditor)

    page = client.get(reverse("planning:product_detail", args=[product.pk]), {"pagina": 3}).content.decode()

    assert 'href="?pagina=3&amp;historial=2#historial"' in page


def test_page_queries_do_not_grow_with_the_versions_shown(client, small_world, django_assert_max_num_queries):
    few = new_product(small_world)
    resave(few, small_world.planner, 1)
    many = new_product(small_world)
    resave(many, small_world.planner, 30)
    client.force_login(small_world.auditor)
    product_page(client, few)  # session and caches warmed alike for both

    with CaptureQueriesContext(connection) as with_two:
        assert len(history_rows(product_page(client, few))) == 2
    with django_assert_max_num_queries(len(with_two)):
        assert len(history_rows(product_page(client, many))) == 20
    with django_assert_max_num_queries(20):
        product_page(client, many, historial=2)


def test_result_history_shows_its_yearly_targets(client, small_world):
    planner = small_world.planner
    result = ResultFactory(plan=small_world.pom, code="R2")
    result_save(
        result=result, user=planner, targets={2026: (Decimal("686372"), ""), 2027: (Decimal("700000"), "")}
    )
    result_save(
        result=result,
        user=planner,
        targets={2026: (Decimal("686372"), ""), 2027: (Decimal("750000.50"), "Meta revisada")},
    )
    client.force_login(small_world.auditor)

    rows = history_rows(client.get(reverse("planning:result_detail", args=[result.pk])).content.decode())

    changed = [row for row in rows if "Meta anual 2027" in row]
    assert "Meta acumulada: 700,000 → 750,000.50" in changed[0]
    assert "Enunciado: — → Meta revisada" in changed[0]
    assert "Meta acumulada: — → 700,000" in changed[1]  # a new year lists what it was given
    # The unchanged 2026 target was not saved again: one version, from the first save.
    assert sum("Meta anual 2026" in row for row in rows) == 1


@pytest.mark.parametrize(
    "role", [Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR, Role.SEGEPLAN]
)
def test_every_reader_sees_the_history_of_each_page(client, small_world, role):
    plan = small_world.pom
    product = new_product(small_world)
    resave(product, small_world.planner, 1)
    subproduct = product.subproducts.create(code="S1", name="Pasaportes", unit="Persona", is_national=True)
    result = ResultFactory(plan=plan)
    client.force_login(small_world.user(role))

    for url in (
        reverse("planning:plan_detail", args=[plan.pk]),
        reverse("planning:result_detail", args=[result.pk]),
        reverse("planning:product_detail", args=[product.pk]),
        reverse("planning:subproduct_detail", args=[subproduct.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert history_rows(response.content.decode()), url


def test_officers_still_cannot_open_the_pages(client, small_world):
    product = new_product(small_world)
    client.force_login(small_world.officer)

    assert client.get(reverse("planning:product_detail", args=[product.pk])).status_code == 403


def test_object_without_versions_says_so(client, small_world):
    plan = small_world.pom
    plan.history.all().delete()
    client.force_login(small_world.auditor)

    page = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()

    assert re.search(r"Historial de cambios</h2>\s*<p class=\"empty\">Sin cambios registrados.</p>", page)
