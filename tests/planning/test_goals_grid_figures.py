"""The goals grid computes product rows and program totals from the subproducts, in SQL."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from planning.selectors.goals_grid import goals_grid
from tests.factories import GoalFactory, ProductFactory, SubproductFactory


def _rows(grid, kind):
    return {row.code: row for row in grid.rows if row.kind == kind}


def test_product_physical_adds_subproducts_in_its_unit_and_financial_adds_all(small_world):
    grid = goals_grid(plan=small_world.pom)
    documents = _rows(grid, "product")["P1"]
    y2026, _y2027, y2028, _y2029, _y2030 = documents.years
    # S1 1000 + S2 200 Documento; S3 (Persona) left out of the physical figure.
    assert y2026.physical.value == Decimal("1200")
    assert y2026.financial.value == Decimal("609.75")  # 500.50 + 99.25 + 10.00
    assert y2028.physical.value == Decimal("1202")
    assert y2028.financial.value == Decimal("599.75")  # S3 has no 2028 goal
    assert y2026.physical.declared is None


def test_declared_product_goal_is_shown_beside_the_computed_one(small_world):
    contributions = _rows(goals_grid(plan=small_world.pom), "product")["P2"]
    first = contributions.years[0]
    assert (first.physical.value, first.physical.declared) == (None, Decimal("23"))
    assert first.financial.declared == Decimal("82260000.00")


def test_program_totals_sit_beside_the_budget_projection(small_world):
    grid = goals_grid(plan=small_world.pom)
    programs = {program.code: program for program in grid.programs}
    # S3's 10.00 a year ends with 2027: from 2028 on the program's goals are 10.00 below its projection.
    assert [(y.computed, y.projection) for y in programs["11"].years] == [
        (Decimal("609.75"), Decimal("609.75")),
        (Decimal("609.75"), Decimal("609.75")),
        *[(Decimal("599.75"), Decimal("609.75"))] * 3,
    ]
    # P2 declares its own goal and its subproduct has none: the program counts the declared figure.
    assert programs["99"].years[0].computed == Decimal("82260000.00")
    total_2026 = grid.totals[0]
    assert total_2026.computed == Decimal("82260609.75")
    assert total_2026.projection == Decimal("82260609.75")
    assert total_2026.declared_goals == Decimal("4.00")
    assert total_2026.declared_projection == Decimal("82260609.75")


def test_subproduct_rows_show_their_goals_and_blanks_where_none(small_world):
    people = _rows(goals_grid(plan=small_world.pom), "subproduct")["S3"]
    assert people.years[0].physical.value == Decimal("7")
    assert people.years[2].physical.value is None


def test_query_count_does_not_grow_with_the_plan(small_world, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as small:
        goals_grid(plan=small_world.pom)
    for _ in range(6):
        product = ProductFactory(plan=small_world.pom, category=small_world.pom.products.first().category)
        for _ in range(3):
            subproduct = SubproductFactory(product=product)
            for year in small_world.pom.years:
                GoalFactory(subproduct=subproduct, year=year)
    with django_assert_max_num_queries(len(small)):
        grid = goals_grid(plan=small_world.pom)
    assert len(grid.rows) == 2 + 4 + 6 * (1 + 3)


def test_a_declared_product_goal_that_differs_is_flagged_once_on_its_cell(small_world):
    contributions = small_world.pom.products.get(code="P2")
    GoalFactory(subproduct=contributions.subproducts.get(), year=2027, physical_initial=20)
    row = _rows(goals_grid(plan=small_world.pom), "product")["P2"]
    physical = row.years[1].physical
    assert (physical.value, physical.declared) == (Decimal("20"), Decimal("23"))
    # Initial and current differ by the same figures: the cell shows one flag, not two equal ones.
    assert [flag.detail for flag in physical.findings] == [
        "meta del producto 23; suma de sus subproductos 20."
    ]
    assert row.years[0].physical.findings == ()
