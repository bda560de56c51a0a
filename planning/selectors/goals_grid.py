"""The multiannual goals grid of a plan: every goal figure with the consistency findings on their cells."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Prefetch, Q, Sum

from common.formats import figure, units
from common.versions import snapshot_token
from planning.models import BudgetProjection, DeclaredTotal, Goal, Plan, Product, Program, Subproduct
from planning.selectors.consistency import Finding, plan_consistency_findings


@dataclass(frozen=True)
class Flag:
    """A consistency finding as a grid cell shows it: the figures inline, the full sentence on hover."""

    check: str
    detail: str
    message: str
    anchor: str = ""  # the id the findings banner links to


def _flag(finding: Finding, anchor: str = "") -> Flag:
    prefix = f"{finding.place}: "
    detail = finding.message[len(prefix) :] if finding.message.startswith(prefix) else finding.message
    return Flag(finding.check, detail, finding.message, anchor)


def goal_cell_key(subproduct_id: int, year: int, measure: str) -> str:
    return f"{subproduct_id}:{year}:{measure}"


def goal_cell_values(subproduct_id: int, year: int, physical, financial) -> dict[str, str]:
    """A subproduct's goal for a year as the grid writes it, the unit of its version snapshot."""
    return {
        goal_cell_key(subproduct_id, year, "physical"): "" if physical is None else units(physical),
        goal_cell_key(subproduct_id, year, "financial"): "" if financial is None else figure(financial),
    }


def goals_grid_values(goals) -> dict[str, str]:
    """Every subproduct goal's cells (``goal_cell_values``) of some goals."""
    values: dict[str, str] = {}
    for goal in goals:
        values |= goal_cell_values(
            goal.subproduct_id, goal.year, goal.physical_current, goal.financial_current
        )
    return values


def goal_cell_labels(subproducts, years) -> dict[str, str]:
    """How a stale-save message names each cell of some subproducts' rows."""
    labels = {}
    for subproduct in subproducts:
        for year in years:
            for measure, label in (("physical", "meta física"), ("financial", "meta financiera")):
                labels[goal_cell_key(subproduct.pk, year, measure)] = f"{subproduct.code} {label} {year}"
    return labels


@dataclass(frozen=True)
class GridCell:
    """One figure of the goals grid, with the plan's own figure when it declares one."""

    value: Decimal | None
    declared: Decimal | None = None
    findings: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class GridYear:
    year: int
    physical: GridCell
    financial: GridCell


@dataclass(frozen=True)
class GridRow:
    kind: str  # "product" or "subproduct"
    id: int
    code: str
    name: str
    unit: str
    years: tuple[GridYear, ...]


@dataclass(frozen=True)
class ProgramYear:
    year: int
    computed: Decimal
    projection: Decimal | None
    findings: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class ProgramRow:
    id: int
    code: str
    name: str
    years: tuple[ProgramYear, ...]


@dataclass(frozen=True)
class TotalYear:
    year: int
    computed: Decimal
    declared_goals: Decimal | None
    projection: Decimal
    declared_projection: Decimal | None
    goals_findings: tuple[Flag, ...] = ()
    projection_findings: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class GoalsGrid:
    plan_id: int
    years: tuple[int, ...]
    rows: tuple[GridRow, ...]
    programs: tuple[ProgramRow, ...]
    totals: tuple[TotalYear, ...]
    other_findings: tuple[Finding, ...]
    finding_count: int
    has_projection: bool  # the plan states a budget projection (section 8 of a POM)
    finding_links: tuple[tuple[str, str], ...] = ()  # (message, anchor of its cell) for the banner
    version: str = ""  # the signed snapshot of the subproduct goals shown (``common.versions``)


def as_money(value) -> Decimal:
    """A money figure: two places; None counts as zero."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _financial_sums(*parts) -> dict[tuple, Decimal]:
    """Sum of current financial goals by (group, year) over several goal querysets, each
    grouped by its own expression (or by year only); one aggregate query per part."""
    sums: dict[tuple, Decimal] = {}
    for queryset, group in parts:
        rows = queryset.values("year", group=group) if group is not None else queryset.values("year")
        for row in rows.annotate(financial=Sum("financial_current")):
            key = (row.get("group"), row["year"])
            sums[key] = as_money(sums.get(key, 0) + row["financial"])
    return sums


def plan_goal_figures(*, plan: Plan) -> dict:
    """Every figure of a plan's multiannual goals, aggregated in SQL (a fixed number of queries).

    Returns plain dicts keyed by ids and years: subproduct goals (current values), product rows
    computed from their subproducts (physical: subproducts in the product's unit; financial: all),
    the goals a product declares, program and year totals of the products' financial goals (declared,
    else computed) beside the budget projection, and the declared totals.
    """
    subproduct_goals = Goal.objects.filter(subproduct__product__plan=plan)
    same_unit = Q(subproduct__unit=F("subproduct__product__unit"))
    computed = {
        (row["subproduct__product_id"], row["year"]): (row["physical"] or 0, as_money(row["financial"]))
        for row in subproduct_goals.values("subproduct__product_id", "year").annotate(
            physical=Sum("physical_current", filter=same_unit), financial=Sum("financial_current")
        )
    }
    # A product's financial goal is the one the plan declares for it, else its subproducts' sum.
    declared_goals = Goal.objects.filter(product__plan=plan)
    undeclared = subproduct_goals.exclude(
        Exists(Goal.objects.filter(product=OuterRef("subproduct__product"), year=OuterRef("year")))
    )
    program_totals = _financial_sums(
        (declared_goals, F("product__category__program")),
        (undeclared, F("subproduct__product__category__program")),
    )
    year_totals = _financial_sums((declared_goals, None), (undeclared, None))
    projections = BudgetProjection.objects.filter(plan=plan)
    return {
        "subproduct": {
            (goal.subproduct_id, goal.year): goal
            for goal in subproduct_goals.only(
                "subproduct_id", "year", "physical_current", "financial_current"
            )
        },
        "computed": computed,
        "declared": {
            (goal.product_id, goal.year): goal
            for goal in declared_goals.only("product_id", "year", "physical_current", "financial_current")
        },
        "program_totals": program_totals,
        "projection": {(row.program_id, row.year): row.amount for row in projections},
        "year_totals": {year: amount for (_none, year), amount in year_totals.items()},
        "year_projections": {
            row["year"]: as_money(row["amount"])
            for row in projections.values("year").annotate(amount=Sum("amount"))
        },
        "declared_totals": {
            (row.matrix, row.year): row.amount for row in DeclaredTotal.objects.filter(plan=plan)
        },
    }


def plan_chain(*, plan: Plan) -> tuple[list[Product], list[Program]]:
    """The plan's products with their subproducts prefetched, and the programs they fall under plus
    those with a budget projection (three queries)."""
    products = list(
        Product.objects.filter(plan=plan)
        .select_related("category__program", "result")
        .prefetch_related(Prefetch("subproducts", queryset=Subproduct.objects.order_by("position", "code")))
        .order_by("position", "code")
    )
    programs = list(
        Program.objects.filter(
            Q(categories__products__plan=plan)
            | Q(pk__in=BudgetProjection.objects.filter(plan=plan).values("program"))
        )
        .distinct()
        .order_by("code")
    )
    return products, programs


class _Placer:
    """Places consistency findings on grid cells: records which were placed (the rest are listed
    apart) and the anchor each one's cell shows, for the findings banner's links."""

    def __init__(self, findings):
        self.by_location: dict[tuple, list[Finding]] = {}
        for finding in findings:
            self.by_location.setdefault(tuple(finding.location), []).append(finding)
        self.placed: set[tuple] = set()
        self.anchors: dict[int, str] = {}

    def found(self, *location) -> tuple[Flag, ...]:
        if location in self.by_location:
            self.placed.add(location)
        # Initial and current goals share a cell: before any reprogramming their flags read the same.
        flags = {}
        for finding in self.by_location.get(location, ()):
            flag = _flag(finding, "finding-" + "-".join(map(str, location)) + f"-{len(flags)}")
            flag = flags.setdefault(flag.detail, flag)
            self.anchors[id(finding)] = flag.anchor
        return tuple(flags.values())


def _product_row(product: Product, years, figures: dict, found) -> GridRow:
    cells = []
    for year in years:
        # None when no subproduct has a goal that year: nothing to roll up.
        physical, financial = figures["computed"].get((product.pk, year), (None, None))
        declared = figures["declared"].get((product.pk, year))
        cells.append(
            GridYear(
                year,
                GridCell(
                    None if physical is None else Decimal(physical),
                    Decimal(declared.physical_current) if declared else None,
                    found("product", product.pk, year, "physical"),
                ),
                GridCell(
                    financial,
                    declared.financial_current if declared else None,
                    found("product", product.pk, year, "financial"),
                ),
            )
        )
    return GridRow("product", product.pk, product.code, product.name, product.unit, tuple(cells))


def _subproduct_row(subproduct: Subproduct, years, figures: dict) -> GridRow:
    cells = []
    for year in years:
        goal = figures["subproduct"].get((subproduct.pk, year))
        cells.append(
            GridYear(
                year,
                GridCell(Decimal(goal.physical_current) if goal else None),
                GridCell(goal.financial_current if goal else None),
            )
        )
    return GridRow(
        "subproduct", subproduct.pk, subproduct.code, subproduct.name, subproduct.unit, tuple(cells)
    )


def _program_row(program: Program, years, figures: dict, found) -> ProgramRow:
    return ProgramRow(
        program.pk,
        program.code,
        program.name,
        tuple(
            ProgramYear(
                year,
                figures["program_totals"].get((program.pk, year), as_money(0)),
                figures["projection"].get((program.pk, year)),
                found("program", program.pk, year, "financial"),
            )
            for year in years
        ),
    )


def _total_year(year: int, figures: dict, found) -> TotalYear:
    return TotalYear(
        year,
        figures["year_totals"].get(year, as_money(0)),
        figures["declared_totals"].get((DeclaredTotal.Matrix.GOALS, year)),
        figures["year_projections"].get(year, as_money(0)),
        figures["declared_totals"].get((DeclaredTotal.Matrix.BUDGET_PROJECTION, year)),
        found("declared_total", DeclaredTotal.Matrix.GOALS.value, year),
        found("declared_total", DeclaredTotal.Matrix.BUDGET_PROJECTION.value, year),
    )


def goals_grid(*, plan: Plan) -> GoalsGrid:
    """The multiannual goals grid of a plan with every consistency finding placed on its cell.

    The rows are built first, placing each finding on a product, program or total cell
    (``_Placer``); the findings no cell took are listed apart at the end.
    """
    figures = plan_goal_figures(plan=plan)
    products, programs = plan_chain(plan=plan)
    years = tuple(plan.years)
    findings = plan_consistency_findings(plan=plan)
    placer = _Placer(findings)
    rows: list[GridRow] = []
    for product in products:
        rows.append(_product_row(product, years, figures, placer.found))
        rows.extend(_subproduct_row(subproduct, years, figures) for subproduct in product.subproducts.all())
    program_rows = tuple(_program_row(program, years, figures, placer.found) for program in programs)
    totals = tuple(_total_year(year, figures, placer.found) for year in years)
    other = tuple(finding for finding in findings if tuple(finding.location) not in placer.placed)
    has_projection = bool(figures["projection"]) or any(
        matrix == DeclaredTotal.Matrix.BUDGET_PROJECTION for matrix, _year in figures["declared_totals"]
    )
    return GoalsGrid(
        plan.pk,
        years,
        tuple(rows),
        program_rows,
        totals,
        other,
        len(findings),
        has_projection,
        tuple((finding.message, placer.anchors.get(id(finding), "")) for finding in findings),
        snapshot_token(goals_grid_values(figures["subproduct"].values())),
    )
