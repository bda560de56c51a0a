"""Reads of the monthly programming: a plan's programmed months per subproduct and, by the SIPLAN
unit rule, per product; the programming grid; and previous years' execution patterns.

A subproduct's measure is programmed when it has its twelve months (the services write them all at
once). A product's measure is programmed when every subproduct that adds to it (physical: those of the
product's unit; financial: all) and has a goal for it is programmed; its months are their sum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from common.calendar import MONTH_NAMES
from common.figures import ZERO
from common.formats import figure, units
from common.versions import snapshot_token
from planning.models import Goal, Measure, MonthlyProgramming, Plan, Product, Subproduct
from planning.selectors.goals import subproduct_goals_rolled_up

MEASURES = (Measure.PHYSICAL, Measure.FINANCIAL)
Months = tuple[Decimal, ...]


def months_to(months: Months | None, last_month: int) -> Decimal | None:
    """Programmed accumulated from January to ``last_month`` (None without programming)."""
    return None if months is None else sum(months[:last_month], ZERO)


def straight_line(goal: Decimal, last_month: int) -> Decimal:
    """The fallback without programming: the annual goal × months elapsed ÷ 12, exact."""
    return Decimal(goal) * last_month / 12


@dataclass(frozen=True)
class PlanProgramming:
    """The programmed months of a plan's year: ``subproducts[id][measure]`` and ``products[id][measure]``
    hold twelve figures for each programmed measure; a missing key means "not programmed"."""

    year: int
    subproducts: dict[int, dict[str, Months]] = field(default_factory=dict)
    products: dict[int, dict[str, Months]] = field(default_factory=dict)

    def months(self, kind: str, owner_id: int, measure: str) -> Months | None:
        table = self.products if kind == "product" else self.subproducts
        return table.get(owner_id, {}).get(measure)


def goal_months(goals) -> dict[int, dict[str, Months]]:
    """The twelve programmed months of each goal's programmed measures (one query)."""
    rows = MonthlyProgramming.objects.filter(goal__in=goals).order_by("goal_id", "measure", "month")
    found: dict[int, dict[str, list[Decimal]]] = {}
    for goal_id, measure, month, value in rows.values_list("goal_id", "measure", "month", "value"):
        found.setdefault(goal_id, {}).setdefault(measure, [ZERO] * 12)[month - 1] = value
    return {goal_id: {m: tuple(v) for m, v in by_measure.items()} for goal_id, by_measure in found.items()}


def plan_programming(*, plan: Plan | None, year: int) -> PlanProgramming:
    """Programmed months of every subproduct and product of ``plan`` in ``year`` (one query)."""
    if plan is None:
        return PlanProgramming(year=year)
    rows = (
        Goal.objects.filter(subproduct__product__plan=plan, year=year)
        .values_list(
            "subproduct_id",
            "subproduct__unit",
            "subproduct__product_id",
            "subproduct__product__unit",
            "physical_current",
            "financial_current",
            "programming__measure",
            "programming__month",
            "programming__value",
        )
        .order_by()
    )
    goals: dict[int, tuple] = {}
    subproducts: dict[int, dict[str, list[Decimal]]] = {}
    for *goal, measure, month, value in rows:
        goals[goal[0]] = tuple(goal)
        if measure is not None:
            subproducts.setdefault(goal[0], {}).setdefault(measure, [ZERO] * 12)[month - 1] = value
    sums: dict[int, dict[str, list[Decimal]]] = {}
    missing: set[tuple[int, str]] = set()
    for subproduct_id, unit, product_id, product_unit, physical, financial in goals.values():
        for measure, amount in ((Measure.PHYSICAL, physical), (Measure.FINANCIAL, financial)):
            if measure == Measure.PHYSICAL and unit != product_unit:
                continue  # the SIPLAN unit rule: only the product's unit adds to its physical figure
            months = subproducts.get(subproduct_id, {}).get(measure)
            if months is None:
                if amount:
                    missing.add((product_id, measure))
                continue
            total = sums.setdefault(product_id, {}).setdefault(measure, [ZERO] * 12)
            for index, value in enumerate(months):
                total[index] += value
    return PlanProgramming(
        year=year,
        subproducts={sid: {m: tuple(v) for m, v in by.items()} for sid, by in subproducts.items()},
        products={
            pid: {m: tuple(v) for m, v in by.items() if (pid, m) not in missing} for pid, by in sums.items()
        },
    )


# The programming grid --------------------------------------------------------------------------


@dataclass(frozen=True)
class GridLine:
    """One measure of a grid row: its goal, its programmed months (None: not programmed) and sum."""

    measure: str
    goal: Decimal
    months: Months | None

    @property
    def total(self) -> Decimal | None:
        return None if self.months is None else sum(self.months, ZERO)

    @property
    def difference(self) -> Decimal | None:
        return None if self.months is None else self.total - self.goal


@dataclass(frozen=True)
class ProgrammingRow:
    kind: str  # "product" or "subproduct"
    id: int
    code: str
    name: str
    unit: str
    goal_id: int | None
    physical: GridLine
    financial: GridLine

    @property
    def lines(self) -> tuple[GridLine, GridLine]:
        return (self.physical, self.financial)


@dataclass(frozen=True)
class ProgrammingGrid:
    plan: Plan
    year: int
    rows: tuple[ProgrammingRow, ...]
    version: str
    programmed: int  # subproduct measures with their twelve months
    programmable: int  # subproduct measures with a goal

    @property
    def complete(self) -> bool:
        return self.programmed == self.programmable


def programming_values(*, goals: list[Goal], months: dict[int, dict[str, Months]]) -> dict[str, str]:
    """The goals' current values and programmed months as the grid shows them: its version's
    snapshot (``common.versions``), to refuse a stale grid saying what changed."""
    values = {}
    for goal in goals:
        values[f"{goal.subproduct_id}-goal-physical"] = units(goal.physical_current)
        values[f"{goal.subproduct_id}-goal-financial"] = figure(goal.financial_current)
        for measure, by_month in months.get(goal.id, {}).items():
            for month, value in enumerate(by_month, start=1):
                values[f"{goal.subproduct_id}-{measure}-{month}"] = figure(value)
    return values


def programming_labels(goals: list[Goal]) -> dict[str, str]:
    """How a stale-save message names each value of ``programming_values``."""
    labels = {}
    for goal in goals:
        code = goal.subproduct.code
        for measure, name in Measure.choices:
            labels[f"{goal.subproduct_id}-goal-{measure}"] = f"{code} meta {name.lower()} vigente"
            for month, month_name in enumerate(MONTH_NAMES, start=1):
                labels[f"{goal.subproduct_id}-{measure}-{month}"] = (
                    f"{code} {name.lower()} {month_name.lower()}"
                )
    return labels


def programming_version(*, goals: list[Goal], months: dict[int, dict[str, Months]]) -> str:
    return snapshot_token(programming_values(goals=goals, months=months))


def plan_subproduct_goals(*, plan: Plan, year: int) -> QuerySet[Goal]:
    return Goal.objects.filter(subproduct__product__plan=plan, year=year).select_related("subproduct")


def programming_grid(*, plan: Plan) -> ProgrammingGrid:
    """The POA's programming: each product (computed by the unit rule) and subproduct with its two
    measures' goals and months. Seven queries whatever the number of subproducts."""
    year = plan.start_year
    products = list(Product.objects.filter(plan=plan).order_by("position", "code"))
    subproducts: dict[int, list[Subproduct]] = {}
    for subproduct in Subproduct.objects.filter(product__plan=plan).order_by("position", "code"):
        subproducts.setdefault(subproduct.product_id, []).append(subproduct)
    goals = list(plan_subproduct_goals(plan=plan, year=year))
    by_subproduct = {goal.subproduct_id: goal for goal in goals}
    months = goal_months(goals)
    rolled_goals = subproduct_goals_rolled_up(plan=plan, year=year)
    programming = plan_programming(plan=plan, year=year)
    rows = []
    for product in products:
        figures = rolled_goals.get(product.id)
        lines = {
            measure: GridLine(
                measure,
                Decimal(getattr(figures, f"{measure}_current", 0) or 0),
                programming.months("product", product.id, measure),
            )
            for measure in MEASURES
        }
        rows.append(_row("product", product, None, lines))
        for subproduct in subproducts.get(product.id, []):
            goal = by_subproduct.get(subproduct.id)
            rows.append(
                _row(
                    "subproduct",
                    subproduct,
                    goal,
                    _goal_lines(goal, months.get(getattr(goal, "id", None), {})),
                )
            )
    return ProgrammingGrid(
        plan=plan,
        year=year,
        rows=tuple(rows),
        version=programming_version(goals=goals, months=months),
        programmed=sum(len(by_measure) for by_measure in months.values()),
        programmable=2 * len(goals),
    )


def _goal_lines(goal: Goal | None, months: dict[str, Months]) -> dict[str, GridLine]:
    return {
        Measure.PHYSICAL: GridLine(
            Measure.PHYSICAL, Decimal(goal.physical_current if goal else 0), months.get(Measure.PHYSICAL)
        ),
        Measure.FINANCIAL: GridLine(
            Measure.FINANCIAL, goal.financial_current if goal else ZERO, months.get(Measure.FINANCIAL)
        ),
    }


def _row(kind: str, owner, goal: Goal | None, lines: dict[str, GridLine]) -> ProgrammingRow:
    empty = {m: GridLine(m, Decimal(0), None) for m in MEASURES}
    lines = {**empty, **lines}
    return ProgrammingRow(
        kind=kind,
        id=owner.id,
        code=owner.code,
        name=owner.name,
        unit=owner.unit,
        goal_id=goal.id if goal else None,
        physical=lines[Measure.PHYSICAL],
        financial=lines[Measure.FINANCIAL],
    )


# Previous years' execution patterns --------------------------------------------------------------

# Execution lives above planning (budget), which registers the reader of its monthly figures.
PatternSource = Callable[..., dict[str, dict[str, Months]]]
_pattern_sources: list[PatternSource] = []


def execution_pattern_register(source: PatternSource) -> None:
    """``source(institution=, year=, codes=)`` answers {subproduct code: {measure: twelve figures}}."""
    if source not in _pattern_sources:
        _pattern_sources.append(source)


def execution_pattern(*, institution, year: int, codes: list[str]) -> dict[str, dict[str, Months]]:
    """Each subproduct code's monthly execution in ``year``, from the registered sources."""
    found: dict[str, dict[str, Months]] = {}
    for source in _pattern_sources:
        found.update(source(institution=institution, year=year, codes=codes))
    return found
