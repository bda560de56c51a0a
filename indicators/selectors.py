"""Reads over indicators: the sheets, their computed values and lights, the multiannual table, and
that table's check against the plan's goals."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from common.figures import HUNDRED, ZERO, percentage
from monitoring.selectors import ProductProgress, plan_progress, traffic_light
from planning.models import Plan
from planning.selectors.consistency import Finding, consistency_finding
from planning.selectors.history import RelatedHistory, object_changes
from planning.selectors.plans import plan_list_for_user

from .models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)


def indicator_table_findings(*, plan: Plan, product_goals: dict) -> list[Finding]:
    """The multiannual indicator table against the plan's product goals and against its own total
    (registered with the plan consistency check by ``IndicatorsConfig.ready``)."""
    findings = []
    targets = ProductIndicatorTarget.objects.filter(sheet__plan=plan).select_related(
        "sheet", "sheet__product"
    )
    years = defaultdict(list)
    for year_row in ProductIndicatorYear.objects.filter(target__sheet__plan=plan).order_by("year"):
        years[year_row.target_id].append(year_row)
    for target in targets.order_by("sheet__position"):
        product = target.sheet.product
        for year_row in years[target.id]:
            goal = product_goals.get((product.id, year_row.year)) if product else None
            if goal is not None and Decimal(goal["physical"]) != year_row.absolute:
                findings.append(
                    consistency_finding(
                        "indicator_table_vs_goals",
                        f"Ficha multianual de indicadores, «{product.name}», {year_row.year}",
                        ("indicator_table", target.id, year_row.year),
                        year_row.absolute,
                        goal["physical"],
                        "meta del indicador",
                        money=False,
                    )
                )
        years_total = sum((row.absolute for row in years[target.id]), Decimal(0))
        if years[target.id] and years_total != target.total_absolute:
            findings.append(
                consistency_finding(
                    "indicator_table_total",
                    f"Ficha multianual de indicadores, «{target.sheet.name}», total 2026-2030".replace(
                        "2026-2030", f"{years[target.id][0].year}-{years[target.id][-1].year}"
                    ),
                    ("indicator_table", target.id, "total"),
                    target.total_absolute,
                    years_total,
                    "total consignado",
                    money=False,
                )
            )
    return findings


def indicator_sheet_list_for_user(*, user) -> QuerySet[IndicatorSheet]:
    return (
        IndicatorSheet.objects.filter(plan__in=plan_list_for_user(user=user))
        .select_related("plan__institution", "product")
        .prefetch_related("values")
    )


def indicator_sheets_for_plan(*, plan: Plan) -> QuerySet[IndicatorSheet]:
    """The plan's sheets with everything a sheet or the multiannual table shows (4 queries)."""
    return (
        IndicatorSheet.objects.filter(plan=plan)
        .select_related("plan__institution", "product", "multiannual_target")
        .prefetch_related("values", "multiannual_target__years")
        .order_by("position", "code")
    )


def sheet_trend(sheet: IndicatorSheet) -> list[tuple[int, Decimal]]:
    """The "Tendencia y meta" row: the baseline first, then the stated values by year."""
    values = {value.year: value.value for value in sheet.values.all()}
    values.setdefault(sheet.baseline_year, sheet.baseline_value)
    return sorted(values.items())


def sheet_changes(*, sheet: IndicatorSheet, page_number=None) -> Page:
    """A sheet's history together with its «Tendencia y meta» values', also of the years since removed."""
    values = RelatedHistory(
        IndicatorSheetValue.history.filter(sheet_id=sheet.pk),
        lambda version: _("Valor %(year)s") % {"year": version.year},
        ("value",),
    )
    return object_changes(instance=sheet, related=(values,), page_number=page_number)


def _normalised(name: str) -> str:
    """Case, accents and punctuation aside: "Registro, Control y Emisión" = "Registro Control y Emision"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in plain).split())


def _equivalent_product(sheet: IndicatorSheet, products: tuple[ProductProgress, ...]):
    """The product a sheet measures in another plan: the same product when the plan is the sheet's,
    else the one with the same name (ignoring accents and punctuation), else the only one with the
    same programmatic category."""
    if sheet.product is None:
        return None
    by_id = {p.product.id: p for p in products}
    if sheet.product_id in by_id:
        return by_id[sheet.product_id]
    wanted = _normalised(sheet.product.name)
    same_name = [p for p in products if _normalised(p.product.name) == wanted]
    if same_name:
        return same_name[0]
    same_category = [p for p in products if p.category_id == sheet.product.category_id]
    return same_category[0] if len(same_category) == 1 else None


@dataclass(frozen=True)
class IndicatorValue:
    """An indicator computed from execution: numerator ÷ denominator × 100 over the months counted."""

    sheet: IndicatorSheet
    year: int
    period: int
    months_so_far: int
    product_name: str | None
    numerator: Decimal
    denominator: Decimal
    value: Decimal
    target: Decimal
    period_numerator: Decimal  # the numerator over the period's four months only
    # What the denominator was expected to be by now when the product's measure is programmed
    # (its programmed accumulated); None: the straight line. A "programmed" denominator is already so.
    expected_denominator: Decimal | None = None
    to_date: bool = False

    @property
    def period_value(self) -> Decimal:
        """The period's own contribution, as the SIPLAN "% cuatrimestre"."""
        return percentage(self.period_numerator, self.denominator)

    @property
    def achievement_pct(self) -> Decimal:
        """The value against the target expected by ``months_so_far``: the year's target in proportion
        to what was programmed by then, pro rata by months without programming; a value measured
        against the programmed goal to date is already by then."""
        if self.to_date:
            return percentage(self.value, self.target)
        if self.expected_denominator is not None:
            return percentage(self.numerator * HUNDRED, self.target * self.expected_denominator)
        return percentage(self.value * 12, self.target * self.months_so_far)

    @property
    def light(self) -> str | None:
        return traffic_light(self.achievement_pct) if self.product_name else None


MEASURE_OF = {
    IndicatorSheet.Numerator.PHYSICAL_EXECUTED: ("physical", "accumulated"),
    IndicatorSheet.Numerator.FINANCIAL_EXECUTED: ("financial", "accumulated"),
    IndicatorSheet.Denominator.PHYSICAL_CURRENT: ("physical", "goal_current"),
    IndicatorSheet.Denominator.PHYSICAL_INITIAL: ("physical", "goal_initial"),
    IndicatorSheet.Denominator.FINANCIAL_CURRENT: ("financial", "goal_current"),
    IndicatorSheet.Denominator.PHYSICAL_PROGRAMMED: ("physical", "expected"),
    IndicatorSheet.Denominator.FINANCIAL_PROGRAMMED: ("financial", "expected"),
}


def _expected_denominator(progress: ProductProgress | None, choice: str) -> Decimal | None:
    """The programmed accumulated of the denominator's measure, when it is programmed."""
    if progress is None:
        return None
    measure = getattr(progress.product, MEASURE_OF[choice][0])
    return measure.expected if measure.is_programmed else None


def _term(progress: ProductProgress | None, choice: str, *, period_only: bool = False) -> Decimal:
    if progress is None:
        return ZERO
    measure, attribute = MEASURE_OF[choice]
    if period_only:
        attribute = "period_total"
    return Decimal(getattr(getattr(progress.product, measure), attribute))


def indicator_values(*, sheets, year: int, period: int) -> list[IndicatorValue]:
    """Each sheet's formula applied to its product in the plan that governs ``year``.

    A sheet of the POM 2026-2030 evaluated for 2024 measures the product of the same name in the
    2024 plan. The value is accumulated to the end of ``period`` (SIPLAN "% de avance acumulado");
    the target is the sheet's value for the year, 100 % when it states none. Queries: 8 per institution,
    whatever the number of sheets (their values prefetched).
    """
    sheets = list(sheets)
    institutions = {sheet.plan.institution_id: sheet.plan.institution for sheet in sheets}
    progress_by_institution = {
        pk: plan_progress(institution=institution, year=year, period=period)
        for pk, institution in institutions.items()
    }
    targets = {
        (value.sheet_id, value.year): value.value
        for sheet in sheets
        for value in sheet.values.all()
        if value.year == year
    }
    values = []
    for sheet in sheets:
        progress = progress_by_institution[sheet.plan.institution_id]
        product = _equivalent_product(sheet, progress.products)
        numerator = _term(product, sheet.numerator)
        denominator = _term(product, sheet.denominator)
        values.append(
            IndicatorValue(
                sheet=sheet,
                year=year,
                period=period,
                months_so_far=progress.months_so_far,
                product_name=product.product.name if product else None,
                numerator=numerator,
                denominator=denominator,
                value=percentage(numerator, denominator),
                target=targets.get((sheet.id, year), HUNDRED),
                period_numerator=_term(product, sheet.numerator, period_only=True),
                expected_denominator=_expected_denominator(product, sheet.denominator),
                to_date=MEASURE_OF[sheet.denominator][1] == "expected",
            )
        )
    return values


@dataclass(frozen=True)
class MultiannualRow:
    product_name: str
    unit: str
    indicator_name: str
    baseline_year: int
    baseline_absolute: Decimal
    baseline_relative: Decimal
    years: tuple[tuple[Decimal, Decimal] | None, ...]  # (absolute, relative) per table year
    total_absolute: Decimal
    total_relative: Decimal


@dataclass(frozen=True)
class MultiannualTable:
    years: tuple[int, ...]
    rows: tuple[MultiannualRow, ...]


def multiannual_table(*, sheets) -> MultiannualTable:
    """POM 9.1 "Ficha de indicadores de productos a nivel multianual", figures as written, from
    sheets loaded by ``indicator_sheets_for_plan``."""
    targets = [(sheet, sheet.multiannual_target) for sheet in sheets if hasattr(sheet, "multiannual_target")]
    years = tuple(sorted({year.year for _, target in targets for year in target.years.all()}))
    rows = []
    for sheet, target in targets:
        by_year = {year.year: (year.absolute, year.relative) for year in target.years.all()}
        rows.append(
            MultiannualRow(
                product_name=sheet.product.name if sheet.product else "",
                unit=target.unit,
                indicator_name=sheet.name,
                baseline_year=target.baseline_year,
                baseline_absolute=target.baseline_absolute,
                baseline_relative=target.baseline_relative,
                years=tuple(by_year.get(year) for year in years),
                total_absolute=target.total_absolute,
                total_relative=target.total_relative,
            )
        )
    return MultiannualTable(years=years, rows=tuple(rows))
