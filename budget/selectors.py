"""Reads and aggregations over execution, including the SIPLAN four-monthly report.

The SIPLAN arithmetic (DESIGN.md "The SIPLAN four-monthly report") lives here and only here:
renderers and the API format what ``siplan_report`` returns and never recompute a figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Role
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, PERIOD_ORDINALS, PERIOD_SHORT, period_label
from common.figures import ZERO, percentage
from planning.models import Goal, Institution, Measure, Plan, Product, Subproduct
from planning.selectors import goals_with_reprogramming_counts, plan_for_year, subproduct_goals_rolled_up

from .models import CostCentre, Execution, ExecutionMonth, ExecutionUpload, PeriodLock

PERIOD_OF_MONTH = ExpressionWrapper((F("month") - 1) / 4 + 1, output_field=IntegerField())
TOTAL_MONEY = DecimalField(max_digits=18, decimal_places=2)
SAME_UNIT = Q(subproduct__unit=F("subproduct__product__unit"))


def execution_totals(
    executions: QuerySet[Execution], *, level: str, by: str, institution_code: str | None = None
) -> QuerySet[dict]:
    """Sum execution per product or subproduct and per month, period or year, in one SQL query.

    A product's physical figure adds only the subproducts measured in the product's unit; its
    financial figure adds them all (DESIGN.md, the SIPLAN report).
    """
    if institution_code:
        # Implied by the intake (a centre produces only its institution's subproducts); stated, it
        # lets PostgreSQL start from the institution's few subproducts instead of hashing them all.
        executions = executions.filter(subproduct__product__plan__institution__code=institution_code)
    fields, order = ["year"], ["product_id"]
    aliases = {"product_id": F("subproduct__product_id"), "product_code": F("subproduct__product__code")}
    if level == "subproduct":
        fields.append("subproduct_id")
        aliases["subproduct_code"] = F("subproduct__code")
        order.append("subproduct_id")
    order.append("year")
    if by == "period":
        aliases["period"] = PERIOD_OF_MONTH
        order.append("period")
    elif by == "month":
        fields.append("month")
        order.append("month")
    physical = Sum("physical", filter=None if level == "subproduct" else SAME_UNIT)
    financial = Coalesce(Sum("financial"), Value(Decimal("0.00")), output_field=TOTAL_MONEY)
    return (
        executions.values(*fields, **aliases)
        .annotate(physical_sum=Coalesce(physical, 0), financial_sum=financial)
        .order_by(*order)
    )


# A month in these states takes no new execution until planning returns it.
MONTH_CLOSED = (ExecutionMonth.Status.SUBMITTED, ExecutionMonth.Status.APPROVED)


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


def siplan_report(*, institution: Institution, year: int, period: int) -> SiplanReport:
    """The "Avance de Metas Físicas y Financieras" of a four-month period, every figure computed.

    Seven queries whatever the number of products: products, subproducts, goals with their
    reprogramming counts, the roll-up of subproduct goals, and execution per subproduct and per
    product, each aggregated in SQL with one column per month of the period.
    """
    if period not in PERIOD_MONTHS:
        raise ReportUnavailable(f"El cuatrimestre debe ser 1, 2 o 3 (se recibió {period}).")
    plan = plan_for_year(institution=institution, year=year)
    if plan is None:
        raise ReportUnavailable(f"{institution.code} no tiene un plan que cubra el año {year}.")
    months = PERIOD_MONTHS[period]
    products = list(Product.objects.filter(plan=plan).select_related("result").order_by("position", "code"))
    subproducts = defaultdict(list)
    for subproduct in Subproduct.objects.filter(product__plan=plan).order_by("position", "code"):
        subproducts[subproduct.product_id].append(subproduct)

    goals = goals_with_reprogramming_counts(plan=plan, year=year)
    product_goals = {goal.product_id: goal for goal in goals if goal.product_id}
    subproduct_goals = {goal.subproduct_id: goal for goal in goals if goal.subproduct_id}
    rolled_up_goals = subproduct_goals_rolled_up(plan=plan, year=year)
    execution = Execution.objects.filter(subproduct__product__plan=plan, year=year, month__lte=months[-1])
    by_subproduct = execution_by_month(execution, "subproduct_id", months, same_unit_only=False)
    by_product = execution_by_month(execution, "subproduct__product_id", months, same_unit_only=True)

    blocks: dict[int | None, list[ReportRow]] = {}
    for product in products:
        rows = blocks.setdefault(product.result_id, [])
        goal = product_goals.get(product.id) or rolled_up_goals.get(product.id)
        rows.append(_row("product", product, goal, by_product.get(product.id, {}), months))
        for subproduct in subproducts[product.id]:
            rows.append(
                _row(
                    "subproduct",
                    subproduct,
                    subproduct_goals.get(subproduct.id),
                    by_subproduct.get(subproduct.id, {}),
                    months,
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


def execution_by_month(
    queryset, key: str, months: tuple[int, ...], *, same_unit_only: bool
) -> dict[int, dict]:
    """One row per ``key`` with physical/financial per month of the period, their row counts
    (to tell "not reported" from zero) and the accumulated figures from January."""
    physical_filter = Q(subproduct__unit=F("subproduct__product__unit")) if same_unit_only else Q()
    columns = {
        "acc_physical": Coalesce(Sum("physical", filter=physical_filter), 0),
        "acc_financial": Coalesce(Sum("financial"), ZERO),
    }
    for month in months:
        columns[f"physical_{month}"] = Coalesce(Sum("physical", filter=physical_filter & Q(month=month)), 0)
        columns[f"financial_{month}"] = Coalesce(Sum("financial", filter=Q(month=month)), ZERO)
        columns[f"rows_{month}"] = Count("id", filter=Q(month=month))
    return {row[key]: row for row in queryset.values(key).annotate(**columns).order_by()}


def _row(kind: str, owner, goal, execution: dict, months: tuple[int, ...]) -> ReportRow:
    def line(measure: str) -> MeasureLine:
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


# --- Execution intake ------------------------------------------------------------------------------


def execution_user_plans(*, user) -> bool:
    """Planning staff (and superusers) manage every cost centre's execution."""
    return user is not None and (user.is_superuser or user.is_planning_staff)


def execution_user_writes(*, user) -> bool:
    return execution_user_plans(user=user) or (user is not None and (user.is_officer or user.is_integration))


def execution_writable_cost_centre_ids(*, user, institution: Institution) -> set[int] | None:
    """The cost centres whose execution the user may write; None means all of them."""
    if user is None or execution_user_plans(user=user) or user.is_integration:
        return None  # an integration writes the cost centres of the institution its token is scoped to
    if not user.is_officer:
        return set()
    return set(user.cost_centres.filter(institution=institution).values_list("id", flat=True))


def execution_cost_centres_for_user(*, user) -> QuerySet[CostCentre]:
    """Officers see their own cost centres; planning staff, directors and auditors see all of theirs."""
    centres = CostCentre.objects.select_related("institution")
    if user.is_superuser or (user.reads_everything and user.institution_id is None):
        return centres
    if user.reads_everything:
        return centres.filter(institution_id=user.institution_id)
    if user.is_officer:
        return centres.filter(officers=user)
    return centres.none()


def execution_user_can_write(*, user, cost_centre: CostCentre) -> bool:
    allowed = execution_writable_cost_centre_ids(user=user, institution=cost_centre.institution)
    return allowed is None or cost_centre.id in allowed


def execution_years(*, institution: Institution | None) -> list[int]:
    """Years covered by an operational plan (POA or POM), for the year selector."""
    plans = Plan.objects.filter(kind__in=[Plan.Kind.POA, Plan.Kind.POM])
    if institution is not None:
        plans = plans.filter(institution=institution)
    return sorted(
        {year for start, end in plans.values_list("start_year", "end_year") for year in range(start, end + 1)}
    )


def execution_month_grid(*, cost_centres, year: int) -> list[dict]:
    """Each cost centre with its twelve months: reporting status and how many rows it holds."""
    centres = list(cost_centres)
    states = {
        (state.cost_centre_id, state.month): state
        for state in ExecutionMonth.objects.filter(cost_centre__in=centres, year=year)
    }
    counts = {
        (row["cost_centre_id"], row["month"]): row["rows"]
        for row in Execution.objects.filter(cost_centre__in=centres, year=year)
        .values("cost_centre_id", "month")
        .annotate(rows=Count("id"))
    }
    grid = []
    for centre in centres:
        months = []
        for month in range(1, 13):
            state = states.get((centre.id, month))
            months.append(
                {
                    "month": month,
                    "status": state.status if state else ExecutionMonth.Status.OPEN,
                    "label": state.get_status_display() if state else ExecutionMonth.Status.OPEN.label,
                    "comment": state.comment if state else "",
                    "rows": counts.get((centre.id, month), 0),
                }
            )
        grid.append({"cost_centre": centre, "months": months})
    return grid


def execution_template_rows(*, cost_centres, year: int, month: int) -> list[Execution]:
    """One row per subproduct each cost centre produces in the year's plan: the saved execution
    when there is one, else an unsaved blank one; each carries the current goal (goal_physical,
    goal_financial) for reference. Four queries whatever the number of rows."""
    centres = list(cost_centres)
    if not centres:
        return []
    plan = plan_for_year(institution=centres[0].institution, year=year)
    if plan is None:
        return []
    links = list(
        CostCentre.subproducts.through.objects.filter(costcentre__in=centres, subproduct__product__plan=plan)
        .select_related("costcentre", "subproduct")
        .order_by(
            "costcentre__code", "subproduct__product__position", "subproduct__position", "subproduct__code"
        )
    )
    goals = {
        goal["subproduct_id"]: goal
        for goal in Goal.objects.filter(
            subproduct__in=[link.subproduct_id for link in links], year=year
        ).values("subproduct_id", "physical_current", "financial_current")
    }
    saved = {
        (execution.cost_centre_id, execution.subproduct_id): execution
        for execution in Execution.objects.filter(cost_centre__in=centres, year=year, month=month)
    }
    rows = []
    for link in links:
        row = saved.get((link.costcentre_id, link.subproduct_id)) or Execution(
            year=year, month=month, physical=None, financial=None, notes=""
        )
        row.cost_centre, row.subproduct = link.costcentre, link.subproduct
        goal = goals.get(link.subproduct_id, {})
        row.goal_physical = goal.get("physical_current")
        row.goal_financial = goal.get("financial_current")
        rows.append(row)
    return rows


def execution_month_state(*, cost_centre: CostCentre, year: int, month: int) -> ExecutionMonth | None:
    return (
        ExecutionMonth.objects.filter(cost_centre=cost_centre, year=year, month=month)
        .select_related("changed_by")
        .first()
    )


def execution_month_history(*, cost_centre: CostCentre, year: int, month: int) -> list[dict]:
    """Every recorded change of the month's rows, newest first, each with its before and after."""
    records = (
        Execution.history.filter(cost_centre_id=cost_centre.id, year=year, month=month)
        .select_related("history_user", "subproduct")
        .order_by("id", "history_date", "history_id")
    )
    changes, previous = [], {}
    for record in records:
        before = previous.get(record.id)
        changes.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "reason": record.history_change_reason or "",
                "subproduct": record.subproduct.code,
                "physical": (before.physical if before else None, record.physical),
                "financial": (before.financial if before else None, record.financial),
                "notes": (before.notes if before else None, record.notes),
                "upload_id": record.source_upload_id,
                "version": record.version,
            }
        )
        previous[record.id] = record
    return sorted(changes, key=lambda change: change["date"], reverse=True)


def execution_uploads_for_user(*, user) -> QuerySet[ExecutionUpload]:
    """Planning staff, directors and auditors see every upload of their institution; officers their own."""
    uploads = ExecutionUpload.objects.select_related("uploaded_by")
    if user.is_superuser or (user.reads_everything and user.institution_id is None):
        return uploads
    if user.reads_everything:
        return uploads.filter(institution_id=user.institution_id)
    return uploads.filter(uploaded_by=user)


def execution_upload_downloadable(*, user, upload: ExecutionUpload) -> bool:
    """The original file goes back to planning staff, auditors and whoever uploaded it."""
    return (
        execution_user_plans(user=user)
        or user.role == Role.AUDITOR
        or (upload.uploaded_by_id is not None and upload.uploaded_by_id == user.id)
    )


def execution_dashboard(*, institution: Institution, year: int, today: date | None = None) -> dict:
    """Planning's view of a year: who has not reported each month, months awaiting review, locks.

    Only months that have begun can be missing: December is not "late" in November."""
    today = today or timezone.localdate()
    months = [month for month in range(1, 13) if date(year, month, 1) <= today]
    missing = cost_centres_missing_execution(institution=institution, year=year, months=months)
    pending = list(
        ExecutionMonth.objects.filter(
            cost_centre__institution=institution, year=year, status=ExecutionMonth.Status.SUBMITTED
        )
        .select_related("cost_centre", "changed_by")
        .order_by("month", "cost_centre__code")
    )
    locks = {
        lock.period: lock
        for lock in PeriodLock.objects.filter(
            institution=institution, year=year, unlocked_at__isnull=True
        ).select_related("locked_by")
    }
    return {
        "missing": [
            {"month": month, "name": MONTH_NAMES[month - 1], "cost_centres": missing[month]}
            for month in months
        ],
        "pending": pending,
        "periods": [
            {"period": period, "label": period_label(period), "lock": locks.get(period)}
            for period in PERIOD_MONTHS
        ],
    }


def execution_latest_year(*, institution: Institution) -> int | None:
    """The last year in which any of the institution's cost centres reported execution."""
    return (
        Execution.objects.filter(cost_centre__institution=institution)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )


def execution_latest_month(*, institution: Institution) -> tuple[int, int] | None:
    """(year, month) of the institution's latest reported execution, or None before any."""
    return (
        Execution.objects.filter(cost_centre__institution=institution)
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )
