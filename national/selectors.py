"""Every institution's four-monthly progress in one place (DESIGN.md "SEGEPLAN's national view").

The figures are the SIPLAN report's: the product rows are built by ``reporting.selectors.siplan``'s
``report_row`` from the same SQL aggregates ``siplan_report`` runs (goals with their reprogramming
counts, goals rolled up by the unit rule, execution summed by month), only run once for every
institution's plan instead of once per institution: eight queries whatever the number of institutions.
The product rows are cached under the date of the latest change to the figures.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from django.db.models import QuerySet

from budget.models import Execution
from budget.selectors import execution_by_month
from common.calendar import PERIOD_MONTHS, period_label
from common.figures import HUNDRED, mean, percentage
from igm_plan.api.views import as_aware, last_change_sql
from planning.models import Goal, Institution, Plan, Product, Reprogramming, Subproduct
from planning.selectors.goals import (
    goals_of_plans_with_reprogramming_counts,
    subproduct_goals_of_plans_rolled_up,
)
from planning.selectors.plans import plan_ids_for_year
from reporting.models import PeriodReport
from reporting.selectors.deadlines import deadline_status, period_due_date
from reporting.selectors.siplan import ReportRow, report_row

STATUS_LABELS = {
    "not_started": "No iniciado",
    "in_preparation": "En preparación",
    "in_approval": "En aprobación",
    "signed": "Firmado",
    "late": "Atrasado",
}
# Bands of physical progress (the capped mean): (value, label, lowest included, highest excluded).
BANDS = (
    ("0-25", "Menos de 25 %", Decimal(0), Decimal(25)),
    ("25-50", "25 % a menos de 50 %", Decimal(25), Decimal(50)),
    ("50-75", "50 % a menos de 75 %", Decimal(50), Decimal(75)),
    ("75-100", "75 % a menos de 100 %", Decimal(75), Decimal(100)),
    ("100", "100 %", Decimal(100), Decimal(101)),
)
BAND_LABELS = {value: label for value, label, _low, _high in BANDS}


@dataclass(frozen=True)
class NationalLine:
    institution_id: int
    code: str
    name: str
    year: int
    period: int
    status: str
    status_label: str
    due_date: date
    days_late: int | None
    signed_at: datetime | None
    has_plan: bool
    financial_pct: Decimal | None
    physical_pct: Decimal | None
    band: str
    products: tuple[ReportRow, ...]

    @property
    def band_label(self) -> str:
        return BAND_LABELS.get(self.band, "Sin plan")

    @property
    def reported(self) -> bool:
        return self.status == "signed"


def national_status(*, period_report: PeriodReport | None, due: date, today: date) -> str:
    """The reporting deadline's status, telling a report being prepared from one not started."""
    status = deadline_status(period_report=period_report, due=due, today=today)
    if status == "not_started" and period_report is not None:
        return "in_preparation"
    return status


def progress_band(physical_pct: Decimal | None) -> str:
    if physical_pct is None:
        return ""
    return next(value for value, _label, low, high in BANDS if low <= physical_pct < high)


def latest_due_period(*, today: date) -> tuple[int, int]:
    """The latest period whose report's due date has passed (the one SEGEPLAN consolidates now)."""
    for year in (today.year, today.year - 1):
        for period in sorted(PERIOD_MONTHS, reverse=True):
            if period_due_date(year=year, period=period) < today:
                return year, period
    return today.year - 2, 3


def national_figures(products: tuple[ReportRow, ...]) -> tuple[Decimal, Decimal]:
    """(financial %, physical %): Σ accumulated ÷ Σ current financial × 100, and the mean of the
    products' accumulated physical % of the current goal, each capped at 100."""
    accumulated = sum((row.financial.accumulated for row in products), Decimal(0))
    current = sum((row.financial.current for row in products), Decimal(0))
    physical = mean(min(row.physical.accumulated_pct, HUNDRED) for row in products)
    return percentage(accumulated, current), physical


def _product_rows(plan_ids: list[int], year: int, months: tuple[int, ...]) -> dict[int, list[ReportRow]]:
    """Each plan's product rows, as ``siplan_report`` builds them (without the monthly programming)."""
    products = Product.objects.filter(plan_id__in=plan_ids).order_by("plan_id", "position", "code")
    goals = goals_of_plans_with_reprogramming_counts(plans=plan_ids, year=year)
    product_goals = {goal.product_id: goal for goal in goals if goal.product_id}
    rolled_up_goals = subproduct_goals_of_plans_rolled_up(plans=plan_ids, year=year)
    execution = Execution.objects.filter(
        subproduct__product__plan_id__in=plan_ids, year=year, month__lte=months[-1]
    )
    by_product = execution_by_month(execution, "subproduct__product_id", months, same_unit_only=True)
    # As in the report: grouped by institutional result, in the order each result first appears.
    blocks: dict[int, dict[int | None, list[ReportRow]]] = {}
    for product in products:
        goal = product_goals.get(product.id) or rolled_up_goals.get(product.id)
        blocks.setdefault(product.plan_id, {}).setdefault(product.result_id, []).append(
            report_row("product", product, goal, by_product.get(product.id, {}), months, {})
        )
    return {
        plan_id: [row for rows in by_result.values() for row in rows] for plan_id, by_result in blocks.items()
    }


# The models whose changes alter the product rows: a change to any of them gives a new cache key.
FIGURE_MODELS = (Execution, Goal, Reprogramming, Plan, Product, Subproduct)
CACHE_SECONDS = 60


def _figures_version() -> datetime | None:
    """The latest change to the figures (one query: the API's Last-Modified of these models)."""
    with connection.cursor() as cursor:
        cursor.execute(*last_change_sql(FIGURE_MODELS, connection.vendor))
        dates = [row[0] for row in cursor.fetchall() if row[0] is not None]
    return max(map(as_aware, dates)) if dates else None


# digest → (expires at, rows). In this process, not in the shared cache: unpickling 2,000 rows costs
# more than the page itself.
_ROWS: dict[str, tuple[float, dict]] = {}
ROWS_KEPT = 8


def _cached_product_rows(
    plan_ids: list[int], year: int, months: tuple[int, ...]
) -> dict[int, list[ReportRow]]:
    """``_product_rows``, kept while no figure changes, and a minute at most: a long import stamps its
    rows when it starts and may commit after a later change, so a version can hide it that long."""
    version = _figures_version()
    if version is None:
        return _product_rows(plan_ids, year, months)
    plans = ",".join(str(pk) for pk in sorted(plan_ids))
    key = hashlib.sha256(f"{year}:{months}:{version.isoformat()}:{plans}".encode()).hexdigest()
    now = time.monotonic()
    kept = _ROWS.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    rows = _product_rows(plan_ids, year, months)
    for stale in [k for k, (expires, _rows) in _ROWS.items() if expires <= now]:
        _ROWS.pop(stale, None)
    if len(_ROWS) >= ROWS_KEPT:
        _ROWS.clear()
    _ROWS[key] = (now + CACHE_SECONDS, rows)
    return rows


def national_lines(
    *, institutions: QuerySet[Institution], year: int, period: int, today: date
) -> list[NationalLine]:
    """One line per institution, ordered by code; eight queries whatever their number (four when
    the product rows come from the cache)."""
    institutions = list(institutions.order_by("code"))
    ids = [institution.pk for institution in institutions]  # plain keys: model instances cost in IN (…)
    plans = plan_ids_for_year(institutions=ids, year=year)
    rows = _cached_product_rows(list(plans.values()), year, PERIOD_MONTHS[period]) if plans else {}
    reports = {
        report.institution_id: report
        for report in PeriodReport.objects.filter(institution_id__in=ids, year=year, period=period)
    }
    due = period_due_date(year=year, period=period)
    lines = []
    for institution in institutions:
        plan = plans.get(institution.pk)
        products = tuple(rows.get(plan, ())) if plan else ()
        financial, physical = national_figures(products) if plan else (None, None)
        report = reports.get(institution.pk)
        status = national_status(period_report=report, due=due, today=today)
        lines.append(
            NationalLine(
                institution_id=institution.pk,
                code=institution.code,
                name=institution.name,
                year=year,
                period=period,
                status=status,
                status_label=STATUS_LABELS[status],
                due_date=due,
                days_late=(today - due).days if status == "late" else None,
                signed_at=report.signed_at if report and status == "signed" else None,
                has_plan=plan is not None,
                financial_pct=financial,
                physical_pct=physical,
                band=progress_band(physical),
                products=products,
            )
        )
    return lines


@dataclass(frozen=True)
class NationalSummary:
    year: int
    period: int
    period_label: str
    due_date: date
    count: int
    by_status: tuple[tuple[str, str, int], ...]
    by_band: tuple[tuple[str, str, int], ...]


def national_summary(*, lines: list[NationalLine], year: int, period: int) -> NationalSummary:
    """Counts by status and by progress band (the charts and the consolidated report's summary)."""
    return NationalSummary(
        year=year,
        period=period,
        period_label=period_label(period),
        due_date=period_due_date(year=year, period=period),
        count=len(lines),
        by_status=tuple(
            (value, label, sum(1 for line in lines if line.status == value))
            for value, label in STATUS_LABELS.items()
        ),
        by_band=tuple(
            (value, label, sum(1 for line in lines if line.band == value)) for value, label, _l, _h in BANDS
        ),
    )
