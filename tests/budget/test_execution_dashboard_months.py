"""The planning dashboard lists missing reports only for months that have begun."""

from datetime import date

from budget.selectors import execution_dashboard


def test_months_that_have_not_begun_are_not_missing(igm):
    dashboard = execution_dashboard(institution=igm, year=2026, today=date(2026, 11, 21))
    assert [row["month"] for row in dashboard["missing"]] == list(range(1, 12))
    # 25 cost centres are open today; the three planned ones are not expected to report.
    assert {len(row["cost_centres"]) for row in dashboard["missing"]} == {25}


def test_a_past_year_lists_every_month(igm):
    dashboard = execution_dashboard(institution=igm, year=2024, today=date(2026, 11, 21))
    assert [row["month"] for row in dashboard["missing"]] == list(range(1, 13))
    # 2024 execution is recorded for CC-01, the only cost centre linked to the 2024 subproducts.
    assert all(row["cost_centres"] == [] for row in dashboard["missing"])
