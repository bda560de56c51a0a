"""Reads over indicators and whole plans: the plan consistency check, computed indicator values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Finding:
    """One mismatch between two figures of a plan, with where it is and both figures.

    ``location`` identifies the cell so pages can show the finding inline, e.g.
    ("product", 12, 2027, "physical"), ("program", 3, 2026, "financial"), ("declared_total", "goals", 2026),
    ("indicator_table", 4, 2030), ("result_text", 2, "pgg_statement").
    """

    check: str
    place: str
    location: tuple
    documented: Decimal
    computed: Decimal
    message: str


# --- Lead: plan consistency (check_plan_consistency) above; do not edit below in this block ------


# --- Issue 5b (goals grid, POM matrices) selectors below this line ------------------------------


# --- Issue 5c (indicator sheets, dashboard, activity report) selectors below this line ---------
