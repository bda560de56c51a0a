"""The SIPLAN four-monthly report ("Avance de Metas Físicas y Financieras"), every figure computed.

The SIPLAN arithmetic (DESIGN.md "The SIPLAN four-monthly report") lives here and only here:
renderers and the API format what ``siplan_report`` returns and never recompute a figure. It reads
goals rolled up by planning's selectors and execution summed by budget's, each in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from budget.models import Execution
from budget.selectors import execution_by_month, execution_rolled_up
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, PERIOD_ORDINALS, PERIOD_SHORT, period_label
from common.figures import percentage
from planning.models import Institution, Measure, Product, Subproduct
from planning.selectors.goals import goals_rolled_up, goals_with_reprogramming_counts, unit_rule
from planning.selectors.plans import plan_for_year
from planning.selectors.programming import months_to, plan_programming

MEASURE_LABELS = {"physical": "Física", "financial": "Financiera"}


@dataclass(frozen=True)
class MeasureLine:
    """One of a row's two lines (Física or Financiera), with every figure of the report."""

    measure: str
    initial: Decimal
    reprogrammings: int
    current: Decimal
    months: tuple[Decimal, ...]
    months_reported: tuple[bool, ...]
    period_total: Decimal
    period_pct: Decimal
    accumulated: Decimal
    accumulated_pct: Decimal
    accumulated_initial_pct: Decimal
    over_executed: bool
    # The monthly programming (not a column of the report): the programmed figure of each month of
    # the period and the programmed accumulated to its end; None when the goal has no programming.
    programmed_months: tuple[Decimal, ...] | None = None
    programmed_accumulated: Decimal | None = None


@dataclass(frozen=True)
class ReportRow:
    kind: str  # "product" or "subproduct"
    id: int
    code: str
    name: str
    unit: str
    physical: MeasureLine
    financial: MeasureLine


@dataclass(frozen=True)
class ReportBlock:
    result_id: int | None
    result_code: str
    title: str
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True)
class SiplanReport:
    institution_code: str
    institution_name: str
    institution_budget_code: str
    plan_id: int
    plan_name: str
    year: int
    period: int
    period_ordinal: str
    period_short: str
    period_label: str
    month_numbers: tuple[int, ...]
    month_names: tuple[str, ...]
    accumulated_months: tuple[int, ...]
    blocks: tuple[ReportBlock, ...]
    signer_name: str
    signer_title: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json_data(self) -> dict:
        """Plain JSON types: every Decimal becomes a string with its two places."""
        return jsonable(asdict(self))


def jsonable(value):
    """Plain JSON types (the report's and the document's): Decimals as strings with two places,
    dates in ISO format."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


class ReportUnavailable(Exception):
    """The report cannot be built (no plan covers the year, bad period)."""


def siplan_report(*, institution: Institution, year: int, period: int) -> SiplanReport:
    """The "Avance de Metas Físicas y Financieras" of a four-month period, every figure computed.

    Six queries whatever the number of products: the plan, products, subproducts, goals with their
    reprogramming counts, the programmed months, and execution per subproduct and month, summed in
    SQL; products' goals and execution are rolled up from their subproducts' by the unit rule.
    """
    if period not in PERIOD_MONTHS:
        raise ReportUnavailable(f"El cuatrimestre debe ser 1, 2 o 3 (se recibió {period}).")
    plan = plan_for_year(institution=institution, year=year)
    if plan is None:
        raise ReportUnavailable(f"{institution.code} no tiene un plan que cubra el año {year}.")
    months = PERIOD_MONTHS[period]
    products = list(Product.objects.filter(plan=plan).select_related("result").order_by("position", "code"))
    plan_subproducts = list(
        Subproduct.objects.filter(product__plan=plan).select_related("product").order_by("position", "code")
    )
    subproducts = defaultdict(list)
    for subproduct in plan_subproducts:
        subproducts[subproduct.product_id].append(subproduct)
    rule = unit_rule(plan_subproducts)

    goals = goals_with_reprogramming_counts(plan=plan, year=year)
    product_goals = {goal.product_id: goal for goal in goals if goal.product_id}
    subproduct_goals = {goal.subproduct_id: goal for goal in goals if goal.subproduct_id}
    rolled_up_goals = goals_rolled_up(goals, rule)
    execution = Execution.objects.filter(subproduct__product__plan=plan, year=year, month__lte=months[-1])
    by_subproduct = execution_by_month(execution, "subproduct_id", months, same_unit_only=False)
    by_product = execution_rolled_up(by_subproduct, rule, months)
    programming = plan_programming(plan=plan, year=year)

    blocks: dict[int | None, list[ReportRow]] = {}
    for product in products:
        rows = blocks.setdefault(product.result_id, [])
        goal = product_goals.get(product.id) or rolled_up_goals.get(product.id)
        rows.append(
            report_row("product", product, goal, by_product.get(product.id, {}), months, programming.products)
        )
        for subproduct in subproducts[product.id]:
            rows.append(
                report_row(
                    "subproduct",
                    subproduct,
                    subproduct_goals.get(subproduct.id),
                    by_subproduct.get(subproduct.id, {}),
                    months,
                    programming.subproducts,
                )
            )
    results = {product.result_id: product.result for product in products}
    return SiplanReport(
        institution_code=institution.code,
        institution_name=institution.name,
        institution_budget_code=institution.budget_code,
        plan_id=plan.id,
        plan_name=plan.name,
        year=year,
        period=period,
        period_ordinal=PERIOD_ORDINALS[period],
        period_short=PERIOD_SHORT[period],
        period_label=period_label(period),
        month_numbers=months,
        month_names=tuple(MONTH_NAMES[m - 1] for m in months),
        accumulated_months=tuple(range(1, months[-1] + 1)),
        blocks=tuple(
            ReportBlock(
                result_id=result_id,
                result_code=results[result_id].code if result_id else "",
                title=results[result_id].description if result_id else "Sin Resultado",
                rows=tuple(rows),
            )
            for result_id, rows in blocks.items()
        ),
        signer_name=institution.head_name,
        signer_title=institution.head_title,
    )


def report_row(
    kind: str, owner, goal, execution: dict, months: tuple[int, ...], programmed: dict
) -> ReportRow:
    """One row of the report from its goal and its execution summed by month (``execution_by_month``);
    the national view builds every institution's product rows with it."""

    def line(measure: str) -> MeasureLine:
        programmed_year = programmed.get(owner.id, {}).get(measure)
        initial = Decimal(getattr(goal, f"{measure}_initial", 0) or 0)
        current = Decimal(getattr(goal, f"{measure}_current", 0) or 0)
        values = tuple(Decimal(execution.get(f"{measure}_{m}", 0)) for m in months)
        reported = tuple(bool(execution.get(f"rows_{m}", 0)) for m in months)
        period_total = sum(values, Decimal(0))
        accumulated = Decimal(execution.get(f"acc_{measure}", 0))
        return MeasureLine(
            measure=measure,
            initial=initial,
            reprogrammings=getattr(goal, f"{measure}_reprogrammings", 0) if goal else 0,
            current=current,
            months=values,
            months_reported=reported,
            period_total=period_total,
            period_pct=percentage(period_total, current),
            accumulated=accumulated,
            accumulated_pct=percentage(accumulated, current),
            accumulated_initial_pct=percentage(accumulated, initial),
            over_executed=accumulated > current,
            programmed_months=None
            if programmed_year is None
            else tuple(programmed_year[m - 1] for m in months),
            programmed_accumulated=months_to(programmed_year, months[-1]),
        )

    return ReportRow(
        kind=kind,
        id=owner.id,
        code=owner.code,
        name=owner.name,
        unit=owner.unit,
        physical=line(Measure.PHYSICAL),
        financial=line(Measure.FINANCIAL),
    )
