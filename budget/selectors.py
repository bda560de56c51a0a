"""Reads and aggregations over execution: totals and monthly figures in SQL, the months' grid and
history, uploads, locks and the missing-reporters dashboard.

The SIPLAN report (``reporting.selectors.siplan``) sums execution through ``execution_by_month``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from common.calendar import MONTH_NAMES, PERIOD_MONTHS, period_label
from common.figures import ZERO
from common.formats import figure, units
from planning.models import Goal, Institution, Plan
from planning.selectors.goals import UnitRule
from planning.selectors.plans import plan_for_year

from .models import CostCentre, Execution, ExecutionMonth, ExecutionUpload, PeriodLock
from .permissions import execution_cost_centres_readable, execution_uploads_readable

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


def _month_row(key: str, owner: int, months: tuple[int, ...]) -> dict:
    """An owner's row of ``execution_by_month`` before any execution is added: zero everywhere."""
    row = {key: owner, "acc_physical": 0, "acc_financial": ZERO}
    for month in months:
        row.update({f"physical_{month}": 0, f"financial_{month}": ZERO, f"rows_{month}": 0})
    return row


def execution_by_month(
    queryset, key: str, months: tuple[int, ...], *, same_unit_only: bool
) -> dict[int, dict]:
    """One row per ``key`` with physical/financial per month of the period, their row counts
    (to tell "not reported" from zero) and the accumulated figures from January.

    Summed in SQL by ``key`` and month, laid out by month here: a column per month and measure
    (36 filtered sums) cost more to build and convert than the query took to run."""
    physical_filter = Q(subproduct__unit=F("subproduct__product__unit")) if same_unit_only else Q()
    sums = (
        queryset.values_list(key, "month")
        .annotate(
            month_physical=Coalesce(Sum("physical", filter=physical_filter), 0),
            month_financial=Coalesce(Sum("financial"), ZERO),
            month_rows=Count("id"),
        )
        .order_by()
    )
    wanted = set(months)
    rows: dict[int, dict] = {}
    for owner, month, physical, financial, count in sums:
        row = rows.get(owner)
        if row is None:
            row = rows[owner] = _month_row(key, owner, months)
        row["acc_physical"] += physical
        row["acc_financial"] += financial
        if month in wanted:
            row[f"physical_{month}"] = physical
            row[f"financial_{month}"] = financial
            row[f"rows_{month}"] = count
    return rows


def execution_rolled_up(
    by_subproduct: dict[int, dict], rule: UnitRule, months: tuple[int, ...]
) -> dict[int, dict]:
    """``execution_by_month(..., same_unit_only=True)`` per product, added up from the rows already
    read per subproduct instead of a second query. ``rule`` is the SIPLAN unit rule
    (``planning.selectors.goals.unit_rule``) of every subproduct that has rows."""
    products: dict[int, dict] = {}
    for subproduct_id, row in by_subproduct.items():
        product_id, adds_physical = rule[subproduct_id]
        total = products.get(product_id)
        if total is None:
            total = products[product_id] = _month_row("subproduct__product_id", product_id, months)
        if adds_physical:
            total["acc_physical"] += row["acc_physical"]
        total["acc_financial"] += row["acc_financial"]
        for each in months:
            if adds_physical:
                total[f"physical_{each}"] += row[f"physical_{each}"]
            total[f"financial_{each}"] += row[f"financial_{each}"]
            total[f"rows_{each}"] += row[f"rows_{each}"]
    return products


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


def execution_cost_centres_for_user(*, user) -> QuerySet[CostCentre]:
    """The cost centres the user reads (``budget.permissions``), with their institution."""
    return execution_cost_centres_readable(
        user=user, centres=CostCentre.objects.select_related("institution")
    )


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


MONTH_ENTRY_MEASURES = {"physical": "física", "financial": "financiera", "notes": "observaciones"}


def month_entry_values(rows) -> dict[str, str]:
    """A month's stored execution rows as the entry grid's version snapshot (``common.versions``)."""
    values = {}
    for row in rows:
        if row.pk is None:
            continue
        values[f"{row.subproduct.code}|physical"] = "" if row.physical is None else units(row.physical)
        values[f"{row.subproduct.code}|financial"] = "" if row.financial is None else figure(row.financial)
        values[f"{row.subproduct.code}|notes"] = row.notes or ""
    return values


def month_entry_labels(keys) -> dict[str, str]:
    """How a stale-save message names each value of ``month_entry_values``."""
    return {key: f"{key.split('|')[0]} {MONTH_ENTRY_MEASURES[key.split('|')[1]]}" for key in sorted(keys)}


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
    """The uploads the user reads (``budget.permissions``), with who uploaded them."""
    return execution_uploads_readable(
        user=user, uploads=ExecutionUpload.objects.select_related("uploaded_by")
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
    """The last year in which any of the institution's cost centres reported execution.

    Each cost centre's latest year is one probe of the (cost centre, year, month) index; sorting all
    the institution's rows read 15,000 index entries a page at national scale."""
    latest = Execution.objects.filter(cost_centre=OuterRef("pk")).order_by("-year").values("year")[:1]
    return CostCentre.objects.filter(institution=institution).aggregate(year=Max(Subquery(latest)))["year"]


def execution_latest_month(*, institution: Institution) -> tuple[int, int] | None:
    """(year, month) of the institution's latest reported execution, or None before any."""
    return (
        Execution.objects.filter(cost_centre__institution=institution)
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )


def execution_monthly_pattern(*, institution: Institution, year: int, codes: list[str]) -> dict[str, dict]:
    """Each subproduct code's monthly execution (physical and financial) in the plan governing ``year``:
    the pattern planners may spread a later year's goals by. One query."""
    plan = plan_for_year(institution=institution, year=year)
    if plan is None:
        return {}
    rows = (
        Execution.objects.filter(subproduct__product__plan=plan, subproduct__code__in=codes, year=year)
        .values("subproduct__code", "month")
        .annotate(physical_sum=Sum("physical"), financial_sum=Sum("financial"))
        .order_by()
    )
    pattern: dict[str, dict[str, list[Decimal]]] = {}
    for row in rows:
        months = pattern.setdefault(
            row["subproduct__code"], {"physical": [ZERO] * 12, "financial": [ZERO] * 12}
        )
        months["physical"][row["month"] - 1] = Decimal(row["physical_sum"] or 0)
        months["financial"][row["month"] - 1] = Decimal(row["financial_sum"] or 0)
    return {code: {m: tuple(v) for m, v in by_measure.items()} for code, by_measure in pattern.items()}


def approved_months_only(executions: QuerySet[Execution]) -> QuerySet[Execution]:
    """Only the rows of months planning approved for their cost centre (what the public may read):
    a month open, sent or returned may still change."""
    approved = ExecutionMonth.objects.filter(
        cost_centre_id=OuterRef("cost_centre_id"),
        year=OuterRef("year"),
        month=OuterRef("month"),
        status=ExecutionMonth.Status.APPROVED,
    )
    return executions.filter(Exists(approved))


def approved_execution_rows(*, institution: Institution) -> QuerySet[dict]:
    """The institution's approved execution per subproduct and month, summed over its cost
    centres, with the chain's codes and names (one query)."""
    executions = approved_months_only(Execution.objects.filter(cost_centre__institution=institution))
    return (
        executions.values(
            "year",
            "month",
            plan_name=F("subproduct__product__plan__name"),
            product_code=F("subproduct__product__code"),
            product_name=F("subproduct__product__name"),
            subproduct_code=F("subproduct__code"),
            subproduct_name=F("subproduct__name"),
            unit=F("subproduct__unit"),
        )
        .annotate(physical_sum=Sum("physical"), financial_sum=Sum("financial", output_field=TOTAL_MONEY))
        .order_by("year", "month", "subproduct__product__code", "subproduct__code")
    )


def approved_months_latest_change(*, institution: Institution):
    """When planning last approved a month of the institution, or None."""
    return (
        ExecutionMonth.objects.filter(
            cost_centre__institution=institution, status=ExecutionMonth.Status.APPROVED
        )
        .order_by("-changed_at")
        .values_list("changed_at", flat=True)
        .first()
    )


def approved_execution_years(*, institution: Institution) -> list[int]:
    """Years with at least one approved month of the institution."""
    return list(
        ExecutionMonth.objects.filter(
            cost_centre__institution=institution, status=ExecutionMonth.Status.APPROVED
        )
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def upload_months_to_submit(*, upload: ExecutionUpload) -> list[dict]:
    """The cost-centre months an applied upload wrote that are not sent yet: the next step after an
    upload is to send them to review (two queries)."""
    months = list(
        Execution.objects.filter(source_upload=upload)
        .values("cost_centre_id", "cost_centre__code", "cost_centre__name", "year", "month")
        .distinct()
        .order_by("cost_centre__code", "year", "month")
    )
    closed = set(
        ExecutionMonth.objects.filter(
            cost_centre_id__in={m["cost_centre_id"] for m in months}, status__in=MONTH_CLOSED
        ).values_list("cost_centre_id", "year", "month")
    )
    return [
        {**m, "month_name": MONTH_NAMES[m["month"] - 1]}
        for m in months
        if (m["cost_centre_id"], m["year"], m["month"]) not in closed
    ]
