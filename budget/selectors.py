"""Reads and aggregations over execution, including the SIPLAN four-monthly report.

The SIPLAN arithmetic (DESIGN.md "The SIPLAN four-monthly report") lives here and only here:
renderers and the API format what ``siplan_report`` returns and never recompute a figure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from planning.models import Institution
from planning.selectors import plan_for_year

from .models import CostCentre, Execution, PeriodLock

HUNDRED = Decimal("100")
CENT = Decimal("0.01")

PERIOD_MONTHS = {1: (1, 2, 3, 4), 2: (5, 6, 7, 8), 3: (9, 10, 11, 12)}
PERIOD_ORDINALS = {1: "Primer", 2: "Segundo", 3: "Tercer"}
PERIOD_SHORT = {1: "1er", 2: "2do", 3: "3er"}
MONTH_NAMES = (
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
)


def percentage(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator × 100, two places, half-up; a zero denominator gives 0.00."""
    if not denominator:
        return Decimal("0.00")
    return (Decimal(numerator) * HUNDRED / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def period_label(period: int) -> str:
    first, last = PERIOD_MONTHS[period][0], PERIOD_MONTHS[period][-1]
    return f"{MONTH_NAMES[first - 1].lower()} - {MONTH_NAMES[last - 1].lower()}"


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
        return _jsonable(asdict(self))


def _jsonable(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


class ReportUnavailable(Exception):
    """The report cannot be built (no plan covers the year, bad period)."""


def period_lock_active(*, institution: Institution, year: int, period: int) -> PeriodLock | None:
    return (
        PeriodLock.objects.filter(institution=institution, year=year, period=period, unlocked_at__isnull=True)
        .select_related("locked_by")
        .first()
    )


def cost_centres_missing_execution(
    *, institution: Institution, year: int, months
) -> dict[int, list[CostCentre]]:
    """For each month, the active cost centres that produce subproducts of the year's plan and
    have not reported any execution row for it. Two queries whatever the number of months."""
    plan = plan_for_year(institution=institution, year=year)
    if plan is None:
        return {month: [] for month in months}
    producing = list(
        CostCentre.objects.filter(
            institution=institution, status=CostCentre.Status.ACTIVE, subproducts__product__plan=plan
        )
        .distinct()
        .order_by("code")
    )
    reported = set(
        Execution.objects.filter(cost_centre__institution=institution, year=year, month__in=list(months))
        .values_list("cost_centre_id", "month")
        .distinct()
    )
    return {month: [cc for cc in producing if (cc.id, month) not in reported] for month in months}


# --- Execution intake (issue 3) selectors below this line ---------------------------------------


def execution_user_plans(*, user) -> bool:
    """Planning staff (and superusers) manage every cost centre's execution."""
    return user is not None and (user.is_superuser or user.is_planning_staff)


def execution_user_writes(*, user) -> bool:
    return execution_user_plans(user=user) or (user is not None and user.is_officer)


def execution_writable_cost_centre_ids(*, user, institution: Institution) -> set[int] | None:
    """The cost centres whose execution the user may write; None means all of them."""
    if user is None or execution_user_plans(user=user):
        return None
    if not user.is_officer:
        return set()
    return set(user.cost_centres.filter(institution=institution).values_list("id", flat=True))
