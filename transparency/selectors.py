"""What the public portal may show, read only through the domain apps' selectors: the strategic
frame, approved plans, signed reports and the execution of approved months. Nothing here reads a
draft, an unapproved month, a user or an uploaded file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from budget.selectors import (
    approved_execution_rows,
    approved_execution_years,
    approved_months_latest_change,
)
from common.calendar import PERIOD_MONTHS
from monitoring.selectors import PlanProgress, plan_progress
from planning.models import Institution, Plan, StrategicFrame
from planning.selectors.goals import approved_plan_goals
from planning.selectors.plans import approved_plans, institution_directory, plan_for_year
from planning.selectors.strategic import ObjectiveArea, objective_areas, strategic_frame_of
from reporting.models import PeriodReport, ReportJob
from reporting.selectors.jobs import (
    signed_period_reports,
    signed_report_document,
    signed_report_documents_with_digest,
)


@dataclass(frozen=True)
class InstitutionPortal:
    institution: Institution
    frame: StrategicFrame | None
    areas: tuple[ObjectiveArea, ...]
    plans: tuple[Plan, ...]
    reports: tuple[PeriodReport, ...]
    execution_years: tuple[int, ...]
    updated: datetime | None


def portal_institutions() -> QuerySet[Institution]:
    return institution_directory()


def institution_portal(*, institution: Institution) -> InstitutionPortal:
    """The institution's public page (seven queries whatever its size, after the institution)."""
    frame = strategic_frame_of(institution=institution)
    plans = tuple(approved_plans(institution=institution))
    reports = tuple(signed_period_reports(institution=institution))
    years = tuple(approved_execution_years(institution=institution))
    return InstitutionPortal(
        institution=institution,
        frame=frame,
        areas=objective_areas(frame=frame) if frame else (),
        plans=plans,
        reports=reports,
        execution_years=years,
        updated=_latest(
            _moment(frame.issue_date) if frame else None,
            *(_moment(plan.approval_date) for plan in plans),
            *(report.signed_at for report in reports),
            approved_months_latest_change(institution=institution),
        ),
    )


def _moment(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


def _latest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def public_execution(*, institution: Institution, year: int, period: int) -> PlanProgress | None:
    """The year's progress from approved months only, against the goals of the plan governing the
    year; None when that plan is not approved (its goals are not public yet)."""
    plan = plan_for_year(institution=institution, year=year)
    if plan is None or not plan.is_approved:
        return None
    return plan_progress(institution=institution, year=year, period=period, approved_only=True)


def public_report_document(*, institution: Institution, year: int, period: int) -> ReportJob | None:
    return signed_report_document(institution=institution, year=year, period=period)


def published_documents_with_digest(*, sha256: str) -> tuple[ReportJob, ...]:
    return tuple(signed_report_documents_with_digest(sha256=sha256))


def institution_updated(*, institution: Institution) -> datetime | None:
    """The date of the last update of what the portal publishes of the institution."""
    return institution_portal(institution=institution).updated


def execution_has_figures(progress: PlanProgress | None) -> bool:
    """Whether any approved month put a figure on the year (else the page says so, without charts)."""
    if progress is None:
        return False
    return any(
        item.product.physical.accumulated or item.product.financial.accumulated for item in progress.products
    )


# Open data ------------------------------------------------------------------------------------


def goal_rows(*, institution: Institution) -> list[dict]:
    rows = []
    for goal in approved_plan_goals(institution=institution):
        subproduct = goal.subproduct
        product = goal.product or subproduct.product
        rows.append(
            {
                "plan": product.plan.name,
                "tipo_plan": product.plan.kind,
                "acto_aprobacion": product.plan.approval_act,
                "anio": goal.year,
                "producto_codigo": product.code,
                "producto": product.name,
                "subproducto_codigo": subproduct.code if subproduct else "",
                "subproducto": subproduct.name if subproduct else "",
                "unidad_medida": subproduct.unit if subproduct else product.unit,
                "meta_fisica_inicial": goal.physical_initial,
                "meta_fisica_vigente": goal.physical_current,
                "meta_financiera_inicial": goal.financial_initial,
                "meta_financiera_vigente": goal.financial_current,
            }
        )
    return rows


def execution_rows(*, institution: Institution) -> list[dict]:
    return [
        {
            "anio": row["year"],
            "mes": row["month"],
            "plan": row["plan_name"],
            "producto_codigo": row["product_code"],
            "producto": row["product_name"],
            "subproducto_codigo": row["subproduct_code"],
            "subproducto": row["subproduct_name"],
            "unidad_medida": row["unit"],
            "ejecucion_fisica": row["physical_sum"],
            "ejecucion_financiera": row["financial_sum"],
        }
        for row in approved_execution_rows(institution=institution)
    ]


def report_rows(*, institution: Institution) -> list[dict]:
    """Every row of every signed report, from the figures frozen when it was approved (what the
    signed PDF prints), never recomputed."""
    rows = []
    for report in signed_period_reports(institution=institution).order_by("year", "period"):
        for block in report.snapshot["report"]["blocks"]:
            for line in block["rows"]:
                for measure in ("physical", "financial"):
                    rows.append(_report_line(report, block["title"], line, line[measure]))
    return rows


def _report_line(report: PeriodReport, block: str, line: dict, figures: dict) -> dict:
    months = [Decimal(value) for value in figures["months"]] + [None] * 4
    return {
        "anio": report.year,
        "cuatrimestre": report.period,
        "bloque": block,
        "tipo": "producto" if line["kind"] == "product" else "subproducto",
        "codigo": line["code"],
        "nombre": line["name"],
        "unidad_medida": line["unit"],
        "meta": "Física" if figures["measure"] == "physical" else "Financiera",
        "inicial_anual": Decimal(figures["initial"]),
        "reprogramaciones": figures["reprogrammings"],
        "meta_vigente": Decimal(figures["current"]),
        **{f"mes_{index}": months[index - 1] for index in range(1, 5)},
        "total_cuatrimestre": Decimal(figures["period_total"]),
        "pct_cuatrimestre": Decimal(figures["period_pct"]),
        "acumulado": Decimal(figures["accumulated"]),
        "pct_acumulado": Decimal(figures["accumulated_pct"]),
        "pct_acumulado_metas_iniciales": Decimal(figures["accumulated_initial_pct"]),
    }


DATASET_ROWS = {"metas": goal_rows, "ejecucion": execution_rows, "reportes": report_rows}


def open_data_rows(*, institution: Institution, dataset: str) -> list[dict]:
    return DATASET_ROWS[dataset](institution=institution)


@dataclass(frozen=True)
class ExecutionLine:
    label: str
    money: bool
    goal: Decimal
    months: tuple[Decimal, ...]
    accumulated: Decimal
    accumulated_pct: Decimal


@dataclass(frozen=True)
class ExecutionRow:
    kind: str
    name: str
    unit: str
    lines: tuple[ExecutionLine, ...]


def execution_table(progress: PlanProgress) -> tuple[tuple[ExecutionRow, ...], ...]:
    """Per product, its row and its subproducts' rows with the period's months picked out."""
    months = PERIOD_MONTHS[progress.period]

    def row(item) -> ExecutionRow:
        lines = tuple(
            ExecutionLine(
                label=label,
                money=measure is item.financial,
                goal=measure.goal_current,
                months=tuple(measure.monthly[month - 1] for month in months),
                accumulated=measure.accumulated,
                accumulated_pct=measure.accumulated_pct,
            )
            for label, measure in item.measures
        )
        return ExecutionRow(item.kind, item.name, item.unit, lines)

    return tuple((row(item.product), *(row(sub) for sub in item.subproducts)) for item in progress.products)
