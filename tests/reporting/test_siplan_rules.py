"""The report's rules on small plans built for each case."""

from decimal import Decimal

from planning.models import Reprogramming
from reporting.selectors.siplan import siplan_report
from tests.factories import (
    CostCentreFactory,
    ExecutionFactory,
    GoalFactory,
    PlanFactory,
    ProductFactory,
    SubproductFactory,
)


def _plan_with_product(unit="Persona"):
    plan = PlanFactory(start_year=2025)
    product = ProductFactory(plan=plan, unit=unit)
    return plan, product


def test_product_physical_adds_only_subproducts_of_its_unit_and_financial_adds_all(db):
    plan, product = _plan_with_product("Persona")
    people = SubproductFactory(product=product, unit="Persona")
    reports = SubproductFactory(product=product, unit="Documento")
    GoalFactory(subproduct=people, year=2025, physical_initial=1000, financial_initial=Decimal("500.00"))
    GoalFactory(subproduct=reports, year=2025, physical_initial=12, financial_initial=Decimal("100.50"))
    centre = CostCentreFactory(institution=plan.institution)
    ExecutionFactory(
        cost_centre=centre, subproduct=people, year=2025, month=5, physical=300, financial=Decimal("10.25")
    )
    ExecutionFactory(
        cost_centre=centre, subproduct=reports, year=2025, month=5, physical=1, financial=Decimal("0.75")
    )

    report = siplan_report(institution=plan.institution, year=2025, period=2)
    product_row = report.blocks[0].rows[0]

    assert product_row.physical.initial == 1000
    assert product_row.financial.initial == Decimal("600.50")
    assert product_row.physical.months == (300, 0, 0, 0)
    assert product_row.financial.months == (Decimal("11.00"), 0, 0, 0)
    assert product_row.physical.period_pct == Decimal("30.00")


def test_over_execution_is_flagged_not_clipped_and_empty_months_are_marked(db):
    plan, product = _plan_with_product()
    sub = SubproductFactory(product=product)
    GoalFactory(subproduct=sub, year=2025, physical_initial=10, financial_initial=Decimal("100.00"))
    centre = CostCentreFactory(institution=plan.institution)
    ExecutionFactory(
        cost_centre=centre, subproduct=sub, year=2025, month=1, physical=12, financial=Decimal("50.00")
    )

    line = siplan_report(institution=plan.institution, year=2025, period=1).blocks[0].rows[1].physical

    assert line.accumulated_pct == Decimal("120.00")
    assert line.over_executed is True
    assert line.months_reported == (True, False, False, False)


def test_only_approved_reprogrammings_are_counted(db):
    plan, product = _plan_with_product()
    sub = SubproductFactory(product=product)
    goal = GoalFactory(subproduct=sub, year=2025, physical_initial=10, physical_current=20)
    common = {
        "goal": goal,
        "measure": "physical",
        "old_value": 10,
        "effective_date": "2025-03-01",
        "justification": "x",
    }
    Reprogramming.objects.create(**common, new_value=20, status=Reprogramming.Status.APPROVED)
    Reprogramming.objects.create(**common, new_value=30, status=Reprogramming.Status.REQUESTED)
    Reprogramming.objects.create(**common, new_value=40, status=Reprogramming.Status.REJECTED)

    row = siplan_report(institution=plan.institution, year=2025, period=1).blocks[0].rows[1]

    assert row.physical.reprogrammings == 1
    assert row.physical.current == 20
    assert row.financial.reprogrammings == 0


def test_a_product_counts_its_subproducts_approved_reprogrammings_by_the_unit_rule(db):
    plan, product = _plan_with_product("Persona")
    people = SubproductFactory(product=product, unit="Persona")
    reports = SubproductFactory(product=product, unit="Documento")
    for sub in (people, reports):
        goal = GoalFactory(subproduct=sub, year=2025, physical_initial=10, financial_initial=Decimal("5.00"))
        for measure in ("physical", "financial"):
            Reprogramming.objects.create(
                goal=goal,
                measure=measure,
                old_value=10,
                new_value=12,
                effective_date="2025-03-01",
                justification="x",
                status=Reprogramming.Status.APPROVED,
            )

    row = siplan_report(institution=plan.institution, year=2025, period=1).blocks[0].rows[0]

    # Physical: only the subproduct in the product's unit; financial: both.
    assert (row.physical.reprogrammings, row.financial.reprogrammings) == (1, 2)
    assert str(row.physical.reprogrammings) == "1"  # a count, not an amount
    assert row.physical.initial == 10 and row.financial.initial == Decimal("10.00")


def test_query_count_does_not_grow_with_the_number_of_products(db, django_assert_num_queries):
    def build(products: int):
        plan = PlanFactory(start_year=2025)
        centre = CostCentreFactory(institution=plan.institution)
        for _ in range(products):
            product = ProductFactory(plan=plan)
            for _ in range(3):
                sub = SubproductFactory(product=product)
                GoalFactory(subproduct=sub, year=2025)
                ExecutionFactory(cost_centre=centre, subproduct=sub, year=2025, month=9)
        return plan.institution

    small, large = build(1), build(60)
    with django_assert_num_queries(6):
        siplan_report(institution=small, year=2025, period=3)
    with django_assert_num_queries(6):
        report = siplan_report(institution=large, year=2025, period=3)
    assert sum(len(block.rows) for block in report.blocks) == 60 * 4
