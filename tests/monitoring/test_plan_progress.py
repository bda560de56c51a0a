"""Plan progress: the SIPLAN roll-up rule, projections, flags and lights, in constant queries."""

from decimal import Decimal

import pytest

from monitoring.selectors import Light, plan_progress
from tests.factories import (
    CostCentreFactory,
    ExecutionFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    SubproductFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    institution = InstitutionFactory(code="TST")
    plan = PlanFactory(institution=institution, start_year=2024)
    return ProductFactory(plan=plan, unit="Persona", name="Control Registro")


def test_product_physical_sums_subproducts_of_its_unit_and_financial_sums_all(product):
    people = SubproductFactory(product=product, unit="Persona")
    documents = SubproductFactory(product=product, unit="Documento")
    GoalFactory(subproduct=people, physical_initial=1000, financial_initial=Decimal("5000.00"))
    GoalFactory(subproduct=documents, physical_initial=12, financial_initial=Decimal("700.00"))
    centre = CostCentreFactory(institution=product.plan.institution)
    ExecutionFactory(cost_centre=centre, subproduct=people, month=9, physical=300, financial=Decimal("10.50"))
    ExecutionFactory(cost_centre=centre, subproduct=documents, month=9, physical=1, financial=Decimal("0.25"))

    progress = plan_progress(institution=product.plan.institution, year=2024, period=3)

    row = progress.products[0].product
    assert row.physical.goal_current == 1000
    assert row.financial.goal_current == Decimal("5700.00")
    assert row.physical.accumulated == 300
    assert row.financial.accumulated == Decimal("10.75")
    assert [s.physical.accumulated for s in progress.products[0].subproducts] == [300, 1]


def test_projection_lights_and_flags_follow_the_pace_of_the_months_so_far(product):
    sub = SubproductFactory(product=product)
    GoalFactory(subproduct=sub, physical_initial=1200, financial_initial=Decimal("1200.00"))
    centre = CostCentreFactory(institution=product.plan.institution)
    for month in (1, 2, 3):
        ExecutionFactory(
            cost_centre=centre, subproduct=sub, month=month, physical=100, financial=Decimal("50.00")
        )

    progress = plan_progress(institution=product.plan.institution, year=2024, period=1)

    physical = progress.products[0].product.physical
    financial = progress.products[0].product.financial
    assert progress.months_so_far == 3  # April not reported yet
    assert physical.accumulated_pct == Decimal("25.00")
    assert physical.projected == Decimal("1200.00")
    assert physical.projected_pct == Decimal("100.00")
    assert physical.light == Light.GREEN
    assert financial.projected_pct == Decimal("50.00")
    assert financial.light == Light.RED
    assert financial.under_executed and not physical.under_executed
    assert physical.cumulative[:4] == (100, 200, 300, 300)


def test_over_execution_is_flagged_not_clipped(product):
    sub = SubproductFactory(product=product)
    GoalFactory(subproduct=sub, physical_initial=100)
    ExecutionFactory(
        cost_centre__institution=product.plan.institution, subproduct=sub, month=12, physical=104
    )

    row = plan_progress(institution=product.plan.institution, year=2024, period=3).products[0].product

    assert row.physical.accumulated_pct == Decimal("104.00")
    assert row.physical.over_executed


def test_a_product_goal_of_its_own_wins_over_the_rollup(product):
    sub = SubproductFactory(product=product)
    GoalFactory(subproduct=sub, physical_initial=100)
    GoalFactory(subproduct=None, product=product, physical_initial=80)

    row = plan_progress(institution=product.plan.institution, year=2024, period=3).products[0].product

    assert row.physical.goal_current == 80


def test_query_count_does_not_grow_with_the_plan(product, django_assert_max_num_queries):
    centre = CostCentreFactory(institution=product.plan.institution)
    for index in range(6):
        sub = SubproductFactory(product=ProductFactory(plan=product.plan) if index % 2 else product)
        GoalFactory(subproduct=sub)
        ExecutionFactory(cost_centre=centre, subproduct=sub, month=index + 1)

    with django_assert_max_num_queries(5):  # plan, subproducts, execution, goals, programming
        progress = plan_progress(institution=product.plan.institution, year=2024, period=2)
    assert len(progress.products) == 4


def test_an_officers_product_counts_their_execution_of_subproducts_they_are_not_linked_to(product):
    linked = SubproductFactory(product=product, unit="Persona", name="Atendidos")
    unlinked = SubproductFactory(product=product, unit="Persona", name="Referidos")
    GoalFactory(subproduct=linked, physical_initial=100)
    GoalFactory(subproduct=unlinked, physical_initial=50)
    centre = CostCentreFactory(institution=product.plan.institution)
    centre.subproducts.add(linked)
    ExecutionFactory(cost_centre=centre, subproduct=linked, month=9, physical=10, financial=Decimal("1.00"))
    ExecutionFactory(cost_centre=centre, subproduct=unlinked, month=9, physical=5, financial=Decimal("0.50"))
    ExecutionFactory(
        subproduct=linked, cost_centre__institution=product.plan.institution, month=9, physical=7
    )

    progress = plan_progress(
        institution=product.plan.institution, year=2024, period=3, cost_centre_ids=[centre.pk]
    )

    (item,) = progress.products
    assert [row.name for row in item.subproducts] == ["Atendidos"]
    assert item.subproducts[0].physical.accumulated == 10  # the other centre's 7 are not theirs
    assert item.product.physical.accumulated == 15
    assert item.product.financial.accumulated == Decimal("1.50")
    assert item.product.physical.goal_current == 150


def test_unit_costs_compare_executed_with_programmed(product):
    sub = SubproductFactory(product=product)
    GoalFactory(subproduct=sub, physical_initial=100, financial_initial=Decimal("1000.00"))
    ExecutionFactory(
        cost_centre__institution=product.plan.institution,
        subproduct=sub,
        month=2,
        physical=3,
        financial=Decimal("40.00"),
    )

    row = plan_progress(institution=product.plan.institution, year=2024, period=1).products[0].product

    assert row.unit_cost_programmed == Decimal("10.00")
    assert row.unit_cost_executed == Decimal("13.33")
