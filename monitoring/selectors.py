"""Reads for monitoring the plan: its progress against goals (the dashboard's traffic lights and
projections) and the monthly activity report."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import accumulate

from django.conf import settings
from django.utils.functional import cached_property

from budget.models import Execution
from budget.selectors import approved_months_only, execution_by_month, execution_rolled_up
from common.calendar import MONTH_NAMES, PERIOD_MONTHS
from common.figures import CENT, ZERO, percentage
from planning.models import Institution, Plan, Subproduct
from planning.selectors.goals import goals_rolled_up, goals_with_reprogramming_counts, unit_rule
from planning.selectors.plans import plan_for_year
from planning.selectors.programming import months_to, plan_programming, straight_line

from .models import Achievement


class Light:
    """Traffic-light colours; thresholds come from IGM_TRAFFIC_GREEN_PCT / IGM_TRAFFIC_YELLOW_PCT."""

    GREEN = "verde"
    YELLOW = "amarillo"
    RED = "rojo"


def traffic_light(pct: Decimal) -> str:
    """Green from the green threshold up (90 %), yellow from the yellow one (70 %), red below."""
    if pct >= Decimal(str(settings.IGM_TRAFFIC_GREEN_PCT)):
        return Light.GREEN
    if pct >= Decimal(str(settings.IGM_TRAFFIC_YELLOW_PCT)):
        return Light.YELLOW
    return Light.RED


@dataclass(frozen=True)
class Progress:
    """Physical or financial progress of one product or subproduct over a year.

    ``months_so_far`` is the last month the selected period counts (December for the third
    period), or the last month with any reported execution when the year is still running.
    The traffic light compares the accumulated execution with what was expected by then: the
    programmed months to date when the goal is programmed (``programmed``, twelve figures), else
    the straight line (goal × months_so_far ÷ 12); at year end that is the SIPLAN "% de avance
    acumulado".

    Each figure is computed once (``cached_property``): the page, its charts and its PDF read them
    several times each.
    """

    goal_initial: Decimal
    goal_current: Decimal
    monthly: tuple[Decimal, ...]
    period: int
    months_so_far: int
    programmed: tuple[Decimal, ...] | None = None

    @cached_property
    def period_total(self) -> Decimal:
        return sum((self.monthly[m - 1] for m in PERIOD_MONTHS[self.period]), ZERO)

    @cached_property
    def accumulated(self) -> Decimal:
        return sum(self.monthly[: PERIOD_MONTHS[self.period][-1]], ZERO)

    @cached_property
    def cumulative(self) -> tuple[Decimal, ...]:
        return tuple(accumulate(self.monthly))

    @property
    def is_programmed(self) -> bool:
        return self.programmed is not None

    @cached_property
    def expected_monthly(self) -> tuple[Decimal, ...]:
        """What each month was expected to add: its programming, else a twelfth of the goal."""
        return self.programmed or tuple(Decimal(self.goal_current) / 12 for _ in range(12))

    @cached_property
    def expected(self) -> Decimal:
        """Expected accumulated by ``months_so_far``: programmed to date, else the straight line."""
        if self.programmed is not None:
            return months_to(self.programmed, self.months_so_far)
        return straight_line(self.goal_current, self.months_so_far).quantize(CENT, rounding=ROUND_HALF_UP)

    @cached_property
    def expected_pct(self) -> Decimal:
        """The share of the annual goal expected by now."""
        return percentage(self.expected, self.goal_current)

    @cached_property
    def period_pct(self) -> Decimal:
        return percentage(self.period_total, self.goal_current)

    @cached_property
    def accumulated_pct(self) -> Decimal:
        return percentage(self.accumulated, self.goal_current)

    @cached_property
    def accumulated_initial_pct(self) -> Decimal:
        return percentage(self.accumulated, self.goal_initial)

    @cached_property
    def nothing_expected(self) -> bool:
        """Programmed, and nothing programmed to date: progress is 0.00 and no deviation."""
        return self.programmed is not None and not self.expected

    @cached_property
    def projected(self) -> Decimal:
        """Year-end execution if the pace against what was expected continues: the goal × accumulated
        ÷ expected to date (without programming: accumulated × 12 ÷ months so far); with nothing
        programmed to date, the accumulated plus what is programmed for the rest of the year."""
        if self.programmed is None:
            projected = Decimal(self.accumulated) * 12 / self.months_so_far
        elif self.nothing_expected:
            projected = Decimal(self.accumulated) + Decimal(self.goal_current)
        else:
            projected = Decimal(self.accumulated) * Decimal(self.goal_current) / self.expected
        return projected.quantize(CENT, rounding=ROUND_HALF_UP)

    @cached_property
    def projected_pct(self) -> Decimal:
        """Accumulated execution ÷ expected to date × 100: equally, the projected year-end achievement."""
        if self.programmed is None:
            return percentage(self.accumulated * 12, self.goal_current * self.months_so_far)
        return percentage(self.accumulated, self.expected)

    @cached_property
    def light(self) -> str | None:
        return None if self.nothing_expected else traffic_light(self.projected_pct)

    @cached_property
    def over_executed(self) -> bool:
        """Past the annual goal, or running faster than IGM_DEVIATION_HIGH_PCT of the expected pace."""
        if self.accumulated > self.goal_current:  # also execution without any goal, as SIPLAN flags it
            return True
        if self.nothing_expected:
            return bool(self.accumulated)
        return self.projected_pct > Decimal(str(settings.IGM_DEVIATION_HIGH_PCT))

    @cached_property
    def under_executed(self) -> bool:
        if self.nothing_expected or not self.goal_current:
            return False
        return self.projected_pct < Decimal(str(settings.IGM_DEVIATION_LOW_PCT))


def _unit_cost(money: Decimal, units: Decimal) -> Decimal | None:
    if not units:
        return None
    return (Decimal(money) / Decimal(units)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ProgressRow:
    kind: str  # "product" or "subproduct"
    id: int
    code: str
    name: str
    unit: str
    physical: Progress
    financial: Progress

    @property
    def measures(self) -> tuple[tuple[str, Progress], tuple[str, Progress]]:
        return (("Física", self.physical), ("Financiera", self.financial))

    @property
    def unit_cost_programmed(self) -> Decimal | None:
        return _unit_cost(self.financial.goal_current, self.physical.goal_current)

    @property
    def unit_cost_executed(self) -> Decimal | None:
        return _unit_cost(self.financial.accumulated, self.physical.accumulated)


@dataclass(frozen=True)
class ProductProgress:
    product: ProgressRow
    subproducts: tuple[ProgressRow, ...]
    result_id: int | None
    category_id: int


@dataclass(frozen=True)
class PlanProgress:
    institution: Institution
    plan: Plan | None
    year: int
    period: int
    months_so_far: int
    products: tuple[ProductProgress, ...]
    restricted: bool  # only some cost centres' execution counts (an officer's view)

    @property
    def expected_pct(self) -> Decimal:
        """The straight line's expected share by now (rows with programming use their own)."""
        return percentage(self.months_so_far, 12)

    @property
    def unprogrammed(self) -> int:
        """Product and subproduct lines judged against the straight line for want of programming."""
        rows = [row for item in self.products for row in (item.product, *item.subproducts)]
        return sum(1 for row in rows for _label, measure in row.measures if not measure.is_programmed)

    @property
    def period_label(self) -> str:
        months = PERIOD_MONTHS[self.period]
        return f"{MONTH_NAMES[months[0] - 1]} – {MONTH_NAMES[months[-1] - 1]} {self.year}"


ALL_MONTHS = tuple(range(1, 13))


def plan_progress(
    *,
    institution: Institution,
    year: int,
    period: int,
    cost_centre_ids: list[int] | None = None,
    approved_only: bool = False,
) -> PlanProgress:
    """Goals and monthly execution of every product and subproduct of the plan governing ``year``,
    by the rules of the SIPLAN report (``reporting.selectors.siplan``): a product's own goal, else
    its subproducts rolled up; physical execution from the subproducts of the product's unit,
    financial from all.

    Five queries whatever the plan's size (six for an officer); products are rolled up here from
    their subproducts' rows. With ``cost_centre_ids`` only those cost centres' execution counts and
    only the subproducts they produce are listed (an officer's view); with ``approved_only`` only
    the months planning approved count (the public portal's view).
    """
    plan = plan_for_year(institution=institution, year=year)
    if plan is None:
        return PlanProgress(institution, None, year, period, PERIOD_MONTHS[period][-1], (), False)
    # Every subproduct of the plan, for the roll-ups: an officer's centres may report on one
    # they are not linked to, and it still counts for its product.
    plan_subproducts = list(
        Subproduct.objects.filter(product__plan=plan)
        .select_related("product")
        .order_by("product__position", "product__code", "position", "code")
    )
    subproducts = plan_subproducts
    executions = Execution.objects.filter(subproduct__product__plan=plan, year=year)
    if cost_centre_ids is not None:
        linked = set(
            Subproduct.objects.filter(product__plan=plan, cost_centres__in=cost_centre_ids).values_list(
                "id", flat=True
            )
        )
        subproducts = [sub for sub in plan_subproducts if sub.id in linked]
        executions = executions.filter(cost_centre_id__in=cost_centre_ids)
    if approved_only:
        executions = approved_months_only(executions)
    by_subproduct = execution_by_month(executions, "subproduct_id", ALL_MONTHS, same_unit_only=False)
    rule = unit_rule(plan_subproducts)
    by_product = execution_rolled_up(by_subproduct, rule, ALL_MONTHS)
    goals = goals_with_reprogramming_counts(plan=plan, year=year)
    own_goals = {goal.product_id: goal for goal in goals if goal.product_id}
    subproduct_goals = {goal.subproduct_id: goal for goal in goals if goal.subproduct_id}
    rolled_up_goals = goals_rolled_up(goals, rule)
    programming = plan_programming(plan=plan, year=year)

    reported = [m for row in by_subproduct.values() for m in ALL_MONTHS if row[f"rows_{m}"]]
    period_end = PERIOD_MONTHS[period][-1]
    months_so_far = min(period_end, max(reported)) if reported else period_end

    def row(kind: str, owner, goal, execution: dict | None) -> ProgressRow:
        def progress(measure: str) -> Progress:
            return Progress(
                goal_initial=Decimal(getattr(goal, f"{measure}_initial", 0) or 0),
                goal_current=Decimal(getattr(goal, f"{measure}_current", 0) or 0),
                monthly=tuple(Decimal((execution or {}).get(f"{measure}_{m}", 0)) for m in ALL_MONTHS),
                period=period,
                months_so_far=months_so_far,
                programmed=programming.months(kind, owner.id, measure),
            )

        return ProgressRow(
            kind, owner.id, owner.code, owner.name, owner.unit, progress("physical"), progress("financial")
        )

    grouped: dict[int, list[Subproduct]] = {}
    for sub in subproducts:
        grouped.setdefault(sub.product_id, []).append(sub)
    products = tuple(
        ProductProgress(
            product=row(
                "product",
                subs[0].product,
                own_goals.get(pid) or rolled_up_goals.get(pid),
                by_product.get(pid),
            ),
            subproducts=tuple(
                row("subproduct", s, subproduct_goals.get(s.id), by_subproduct.get(s.id)) for s in subs
            ),
            result_id=subs[0].product.result_id,
            category_id=subs[0].product.category_id,
        )
        for pid, subs in grouped.items()
    )
    return PlanProgress(institution, plan, year, period, months_so_far, products, cost_centre_ids is not None)


# Activity report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityTable:
    number: int
    product_name: str
    quantity_label: str
    total: Decimal
    rows: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class ActivityPhoto:
    id: int
    caption: str


@dataclass(frozen=True)
class ActivityItem:
    id: int
    text: str
    created_by_id: int | None
    photos: tuple[ActivityPhoto, ...]


@dataclass(frozen=True)
class ActivityUnit:
    number: str
    name: str
    items: tuple[ActivityItem, ...]


@dataclass(frozen=True)
class ActivityArea:
    code: str
    name: str
    units: tuple[ActivityUnit, ...]


@dataclass(frozen=True)
class ActivityReport:
    institution_name: str
    year: int
    month: int
    month_name: str
    plan_name: str | None
    tables: tuple[ActivityTable, ...]
    areas: tuple[ActivityArea, ...]


def _plural(unit: str) -> str:
    word = unit.strip().lower()
    if word.endswith("s"):
        return word
    return word + ("s" if word[-1:] in "aeiou" else "es")


def activity_report(*, institution: Institution, year: int, month: int) -> ActivityReport:
    """The monthly activity report: a table per product linked to a result, with its subproducts
    of the product's unit and the month's physical execution, then the units' achievements."""
    progress = plan_progress(institution=institution, year=year, period=(month - 1) // 4 + 1)
    tables = tuple(
        ActivityTable(
            number=number,
            product_name=item.product.name,
            quantity_label=f"Cantidad de {_plural(item.product.unit)}",
            total=item.product.physical.monthly[month - 1],
            rows=tuple(
                (sub.name, sub.physical.monthly[month - 1])
                for sub in item.subproducts
                if sub.unit == item.product.unit
            ),
        )
        for number, item in enumerate((p for p in progress.products if p.result_id is not None), start=1)
    )
    achievements = (
        Achievement.objects.filter(institution=institution, year=year, month=month)
        .prefetch_related("photos")
        .order_by("area_code", "area", "unit", "position", "id")
    )
    areas: dict[tuple[str, str], dict[str, list[ActivityItem]]] = {}
    for achievement in achievements:
        units = areas.setdefault((achievement.area_code, achievement.area), {})
        units.setdefault(achievement.unit, []).append(
            ActivityItem(
                id=achievement.id,
                text=achievement.text,
                created_by_id=achievement.created_by_id,
                photos=tuple(ActivityPhoto(photo.id, photo.caption) for photo in achievement.photos.all()),
            )
        )
    return ActivityReport(
        institution_name=institution.name,
        year=year,
        month=month,
        month_name=MONTH_NAMES[month - 1],
        plan_name=progress.plan.name if progress.plan else None,
        tables=tables,
        areas=tuple(
            ActivityArea(
                code=code,
                name=name,
                units=tuple(
                    ActivityUnit(number=f"{code}.{index}", name=unit, items=tuple(items))
                    for index, (unit, items) in enumerate(units.items(), start=1)
                ),
            )
            for (code, name), units in areas.items()
        ),
    )
