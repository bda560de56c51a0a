"""The plan consistency check: a plan's figures cross-checked against each other.

Other apps add checks of their own figures against the plan's product goals with
``consistency_check_register`` (indicators: the multiannual indicator table).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import Coalesce

from common.formats import quetzales, units
from planning.models import BudgetProjection, DeclaredTotal, Goal, Plan, Product, Result


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


# Checks other apps add, each ``check(*, plan, product_goals) -> list[Finding]``; they run after the
# plan's own figures and before the result sentences.
_registered_checks: list[Callable[..., list[Finding]]] = []


def consistency_check_register(check: Callable[..., list[Finding]]) -> None:
    """Add a check of another app's figures against the plan's product goals (once; from its
    ``AppConfig.ready``). ``product_goals`` maps (product id, year) to the product's goal figures."""
    if check not in _registered_checks:
        _registered_checks.append(check)


def plan_consistency_findings(*, plan: Plan) -> list[Finding]:
    """Cross-check a plan's figures against each other; each mismatch says where and both figures.

    The checks: section 8 total vs its programs; each program's projection vs its products'
    financial goals; the 9.5 total row vs its product rows; declared product goals vs their
    subproducts; the checks other apps register (the multiannual indicator table vs the goal matrix
    and vs its own total); and the figures written in result sentences vs the result's baseline and
    targets.
    """
    product_goals = _product_goal_figures(plan=plan)
    findings: list[Finding] = []
    findings += _budget_projection_findings(plan=plan, product_goals=product_goals)
    findings += _declared_goal_total_findings(plan=plan, product_goals=product_goals)
    findings += _product_vs_subproduct_findings(plan=plan)
    for check in _registered_checks:
        findings += check(plan=plan, product_goals=product_goals)
    findings += _result_text_findings(plan=plan)
    return findings


def _product_goal_figures(*, plan: Plan) -> dict[tuple[int, int], dict]:
    """(product id, year) → the product's goal: as declared by the plan, else its subproducts' roll-up."""
    same_unit = Q(subproduct__unit=F("subproduct__product__unit"))
    figures = {
        (row.pop("subproduct__product_id"), row.pop("year")): row
        for row in Goal.objects.filter(subproduct__product__plan=plan)
        .values("subproduct__product_id", "year")
        .annotate(
            physical=Coalesce(Sum("physical_current", filter=same_unit), 0),
            financial=Sum("financial_current"),
            program_id=Max("subproduct__product__category__program_id"),
            product_name=Max("subproduct__product__name"),
        )
        .order_by()
    }
    for row in Goal.objects.filter(product__plan=plan).values(
        "product_id",
        "year",
        "physical_current",
        "financial_current",
        "product__category__program_id",
        "product__name",
    ):
        figures[(row["product_id"], row["year"])] = {
            "physical": row["physical_current"],
            "financial": row["financial_current"],
            "program_id": row["product__category__program_id"],
            "product_name": row["product__name"],
        }
    return figures


def consistency_finding(
    check: str,
    place: str,
    location: tuple,
    documented,
    computed,
    what: str,
    *,
    money: bool,
    computed_label: str = "calculado",
) -> Finding:
    write = quetzales if money else units
    return Finding(
        check=check,
        place=place,
        location=location,
        documented=Decimal(documented),
        computed=Decimal(computed),
        message=f"{place}: {what} {write(documented)}; {computed_label} {write(computed)}.",
    )


def _budget_projection_findings(*, plan: Plan, product_goals: dict) -> list[Finding]:
    findings = []
    projections = list(
        BudgetProjection.objects.filter(plan=plan).select_related("program").order_by("year", "program__code")
    )
    per_year = defaultdict(Decimal)
    for projection in projections:
        per_year[projection.year] += projection.amount
        products_total = sum(
            (
                row["financial"]
                for (_, year), row in product_goals.items()
                if year == projection.year and row["program_id"] == projection.program_id
            ),
            Decimal("0.00"),
        )
        if products_total != projection.amount:
            findings.append(
                consistency_finding(
                    "budget_projection_vs_products",
                    f"Sección 8, programa {projection.program}, {projection.year}",
                    ("program", projection.program_id, projection.year, "financial"),
                    projection.amount,
                    products_total,
                    "proyección",
                    money=True,
                )
            )
    for total in DeclaredTotal.objects.filter(plan=plan, matrix=DeclaredTotal.Matrix.BUDGET_PROJECTION):
        if total.year in per_year and per_year[total.year] != total.amount:
            findings.append(
                consistency_finding(
                    "declared_total_vs_rows",
                    f"Sección 8, fila Total, {total.year}",
                    ("declared_total", total.matrix, total.year),
                    total.amount,
                    per_year[total.year],
                    "total consignado",
                    money=True,
                )
            )
    return findings


def _declared_goal_total_findings(*, plan: Plan, product_goals: dict) -> list[Finding]:
    findings = []
    for total in DeclaredTotal.objects.filter(plan=plan, matrix=DeclaredTotal.Matrix.GOALS).order_by("year"):
        rows_total = sum(
            (row["financial"] for (_, year), row in product_goals.items() if year == total.year),
            Decimal("0.00"),
        )
        if rows_total != total.amount:
            findings.append(
                consistency_finding(
                    "declared_total_vs_rows",
                    f"Matriz 9.5, fila Total, {total.year}",
                    ("declared_total", total.matrix, total.year),
                    total.amount,
                    rows_total,
                    "total consignado",
                    money=True,
                )
            )
    return findings


def _product_vs_subproduct_findings(*, plan: Plan) -> list[Finding]:
    """A product goal declared by the plan against its subproducts' roll-up, where all have goals."""
    same_unit = Q(subproduct__unit=F("subproduct__product__unit"))
    subproduct_counts = dict(
        Product.objects.filter(plan=plan).annotate(n=Count("subproducts")).values_list("id", "n")
    )
    rollups = {
        (row.pop("subproduct__product_id"), row.pop("year")): row
        for row in Goal.objects.filter(subproduct__product__plan=plan)
        .values("subproduct__product_id", "year")
        .annotate(
            goals=Count("id"),
            physical_initial=Coalesce(Sum("physical_initial", filter=same_unit), 0),
            physical_current=Coalesce(Sum("physical_current", filter=same_unit), 0),
            financial_initial=Sum("financial_initial"),
            financial_current=Sum("financial_current"),
        )
        .order_by()
    }
    checks = (
        ("physical_initial", "meta física inicial", False),
        ("physical_current", "meta física vigente", False),
        ("financial_initial", "meta financiera inicial", True),
        ("financial_current", "meta financiera vigente", True),
    )
    findings = []
    for goal in (
        Goal.objects.filter(product__plan=plan)
        .select_related("product")
        .order_by("product__position", "year")
    ):
        rollup = rollups.get((goal.product_id, goal.year))
        if rollup is None or rollup["goals"] < subproduct_counts[goal.product_id]:
            continue  # a subproduct has no goal that year: nothing to compare yet
        for field_name, label, money in checks:
            if getattr(goal, field_name) != rollup[field_name]:
                findings.append(
                    consistency_finding(
                        "product_vs_subproducts",
                        f"Producto «{goal.product.name}», {goal.year}, {label}",
                        ("product", goal.product_id, goal.year, field_name.split("_")[0]),
                        getattr(goal, field_name),
                        rollup[field_name],
                        "meta del producto",
                        money=money,
                        computed_label="suma de sus subproductos",
                    )
                )
    return findings


NUMBER_IN_TEXT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d]|[.,]\d|\s*%)")
YEAR_IN_TEXT = re.compile(r"[Pp]ara el año (\d{4})")


def _text_figures(text: str) -> list[Decimal]:
    """Quantities in a sentence; thousands use commas or points; years and percentages are skipped."""
    figures = []
    for match in NUMBER_IN_TEXT.finditer(text):
        raw = match.group(1)
        digits = raw.replace(",", "").replace(".", "")
        if raw == digits and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue
        figures.append(Decimal(digits))
    return figures


def _result_text_findings(*, plan: Plan) -> list[Finding]:
    findings = []
    results = Result.objects.filter(plan=plan).prefetch_related("targets").order_by("position")
    for result in results:
        targets = {target.year: target.value for target in result.targets.all()}
        texts = [
            ("description", "descripción", result.description, None),
            ("pgg_statement", "matriz de vinculación PGG (3.1)", result.pgg_statement, None),
        ]
        texts += [
            (f"target_{t.year}", f"enunciado {t.year}", t.statement, t.year) for t in result.targets.all()
        ]
        for key, label, text, stated_year in texts:
            if not text:
                continue
            match = YEAR_IN_TEXT.search(text)
            year = stated_year or (int(match.group(1)) if match else None)
            allowed = {result.baseline_value} | (
                {targets[year]} if year in targets else set(targets.values())
            )
            for figure in _text_figures(text):
                if figure not in allowed:
                    expected = targets.get(year, result.baseline_value)
                    findings.append(
                        consistency_finding(
                            "result_text_vs_targets",
                            f"Resultado «{result.code}», {label}",
                            ("result_text", result.id, key),
                            figure,
                            expected,
                            "el texto dice",
                            money=False,
                            computed_label=f"la meta de {year} es" if year in targets else "la línea base es",
                        )
                    )
    return findings
