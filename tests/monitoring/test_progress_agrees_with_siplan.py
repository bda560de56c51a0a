"""Where the dashboard and the SIPLAN report overlap (goals, period and accumulated execution and
their percentages, per product and subproduct), they give the same figures for IGM 2024."""

import pytest

from monitoring.selectors import plan_progress
from reporting.selectors.siplan import siplan_report


@pytest.mark.parametrize("period", [1, 2, 3])
def test_every_row_agrees_with_the_siplan_report(igm, period):
    report = siplan_report(institution=igm, year=2024, period=period)
    progress = plan_progress(institution=igm, year=2024, period=period)

    def figures(line_or_progress, goal):
        return (
            getattr(line_or_progress, goal),
            line_or_progress.period_total,
            line_or_progress.period_pct,
            line_or_progress.accumulated,
            line_or_progress.accumulated_pct,
            line_or_progress.accumulated_initial_pct,
            line_or_progress.over_executed if goal == "current" else None,
        )

    expected = {
        (row.kind, row.id, measure): figures(getattr(row, measure), "current")
        for block in report.blocks
        for row in block.rows
        for measure in ("physical", "financial")
    }
    computed = {
        (row.kind, row.id, measure): figures(getattr(row, measure), "goal_current")
        for item in progress.products
        for row in (item.product, *item.subproducts)
        for measure in ("physical", "financial")
    }
    # over_executed: SIPLAN flags past the goal only; the dashboard also flags a fast pace.
    assert {k: v[:-1] for k, v in computed.items()} == {k: v[:-1] for k, v in expected.items()}
    assert len(computed) == 2 * 17  # 6 products and 11 subproducts
