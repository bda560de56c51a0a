"""Reads for the SIPLAN report: the document to render, deviations, deadlines, jobs, changes."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import QuerySet

from accounts.models import Role
from budget.models import CostCentre, Execution
from budget.selectors import SiplanReport, cost_centres_missing_execution, siplan_report
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, period_label
from common.figures import CENT, percentage
from planning.models import Institution, Subproduct
from planning.selectors import institution_list_for_user

from .documents import DetailRow, Deviation, Letter, ReportDocument, document_from_json
from .models import DeviationNote, PeriodReport, ReportJob

DUE_DAYS = 15
MEASURE_LABELS = {"physical": "Física", "financial": "Financiera"}
# Roles that may request, read and download reports of their institution.
REPORT_READERS = frozenset({Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR, Role.SEGEPLAN})


def can_read_reports(*, user, institution: Institution) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.role not in REPORT_READERS:
        return False
    return user.institution_id is None or user.institution_id == institution.pk


def deviation_band() -> tuple[Decimal, Decimal]:
    return Decimal(settings.IGM_DEVIATION_LOW_PCT), Decimal(settings.IGM_DEVIATION_HIGH_PCT)


def report_deviations(*, report: SiplanReport, notes: dict[int, str]) -> tuple[Deviation, ...]:
    """Subproduct lines whose accumulated progress is outside [low, high] % of the goal expected
    by the end of the period (the current goal × period ÷ 3), with the explanation if written."""
    low, high = deviation_band()
    found = []
    for block in report.blocks:
        for row in block.rows:
            if row.kind != "subproduct":
                continue
            for line in (row.physical, row.financial):
                progress = percentage(line.accumulated * 3, line.current * report.period)
                expected = (line.current * report.period / 3).quantize(CENT, rounding=ROUND_HALF_UP)
                # A zero goal with execution is a deviation; a zero goal without any is not.
                outside = line.accumulated > 0 if not line.current else not low <= progress <= high
                if outside:
                    found.append(
                        Deviation(
                            subproduct_id=row.id,
                            code=row.code,
                            name=row.name,
                            measure=MEASURE_LABELS[line.measure],
                            progress_pct=progress,
                            text=notes.get(row.id, ""),
                            expected=expected,
                            accumulated=line.accumulated,
                        )
                    )
    return tuple(found)


def deviation_notes_open(*, period_report: PeriodReport | None) -> bool:
    """Explanations are written while the period's report is in preparation (or returned to it);
    once it is sent, approved or signed they are read-only."""
    return period_report is None or period_report.status == PeriodReport.Status.DRAFT


def deviation_notes(*, institution: Institution, year: int, period: int) -> dict[int, str]:
    return dict(
        DeviationNote.objects.filter(
            subproduct__product__plan__institution=institution, year=year, period=period
        ).values_list("subproduct_id", "text")
    )


def cost_centre_detail(*, institution: Institution, year: int, period: int) -> tuple[DetailRow, ...]:
    """Each cost centre × subproduct with its monthly figures in the period (None: not reported)."""
    months = PERIOD_MONTHS[period]
    rows = (
        Execution.objects.filter(cost_centre__institution=institution, year=year, month__in=months)
        .order_by("cost_centre__code", "subproduct__product__position", "subproduct__position", "month")
        .values_list(
            "cost_centre__code",
            "cost_centre__name",
            "subproduct__code",
            "subproduct__name",
            "month",
            "physical",
            "financial",
        )
    )
    grouped: dict[tuple, dict[int, tuple]] = {}
    for cc_code, cc_name, sp_code, sp_name, month, physical, financial in rows:
        grouped.setdefault((cc_code, cc_name, sp_code, sp_name), {})[month] = (physical, financial)
    return tuple(
        DetailRow(
            cost_centre_code=key[0],
            cost_centre_name=key[1],
            subproduct_code=key[2],
            subproduct_name=key[3],
            physical=tuple(by_month.get(m, (None, None))[0] for m in months),
            financial=tuple(by_month.get(m, (None, None))[1] for m in months),
        )
        for key, by_month in grouped.items()
    )


def period_report_for(*, institution: Institution, year: int, period: int) -> PeriodReport | None:
    reports = PeriodReport.objects.select_related("submitted_by", "approved_by", "signed_by", "returned_by")
    return reports.filter(institution=institution, year=year, period=period).first()


def period_report_approved(*, institution: Institution, year: int, period: int) -> bool:
    """Approved by the director (and perhaps already signed): what a signature may vouch for."""
    return PeriodReport.objects.filter(
        institution=institution,
        year=year,
        period=period,
        status__in=[PeriodReport.Status.APPROVED, PeriodReport.Status.SIGNED],
    ).exists()


def report_letter(*, institution: Institution, period_report: PeriodReport | None) -> Letter:
    return Letter(
        code=period_report.letter_code if period_report else "",
        date=period_report.letter_date if period_report else None,
        place="Guatemala",
        addressee_name=period_report.addressee_name if period_report else "",
        addressee_title=(
            period_report.addressee_title if period_report else "Secretario General de Planificación"
        ),
        request_reference=period_report.request_reference if period_report else "",
        signer_name=institution.head_name,
        signer_title=institution.head_title,
        institution_name=institution.name,
        address=institution.address,
        phone=institution.phone,
        email=institution.email,
    )


def live_report_document(
    *, institution: Institution, year: int, period: int, period_report: PeriodReport | None = None
) -> ReportDocument:
    """The document from today's data (a draft unless the period report is approved)."""
    report = siplan_report(institution=institution, year=year, period=period)
    low, high = deviation_band()
    approved = period_report is not None and period_report.status in {
        PeriodReport.Status.APPROVED,
        PeriodReport.Status.SIGNED,
    }
    return ReportDocument(
        report=report,
        letter=report_letter(institution=institution, period_report=period_report),
        deviations=report_deviations(
            report=report, notes=deviation_notes(institution=institution, year=year, period=period)
        ),
        detail=cost_centre_detail(institution=institution, year=year, period=period),
        low_pct=low,
        high_pct=high,
        draft=not approved,
    )


def report_document(*, institution: Institution, year: int, period: int) -> ReportDocument:
    """What every renderer gets: the approved snapshot once there is one, else today's data."""
    period_report = period_report_for(institution=institution, year=year, period=period)
    if period_report is not None and period_report.snapshot is not None:
        return document_from_json(period_report.snapshot)
    return live_report_document(
        institution=institution, year=year, period=period, period_report=period_report
    )


def officer_subproducts(*, user) -> QuerySet[Subproduct]:
    """Subproducts of the officer's institution that a cost centre in their charge produces."""
    if not user.is_officer or user.institution_id is None:
        return Subproduct.objects.none()
    # One filter() call: the same cost centre must have the officer and be of their institution.
    return Subproduct.objects.filter(
        product__plan__institution_id=user.institution_id,
        cost_centres__officers=user,
        cost_centres__institution_id=user.institution_id,
    ).distinct()


@dataclass(frozen=True)
class SubproductDeviations:
    """A subproduct's lines outside the band (Física, Financiera or both) and its one note."""

    subproduct_id: int
    code: str
    name: str
    text: str
    lines: tuple[Deviation, ...]


@dataclass(frozen=True)
class OfficerDeviations:
    year: int
    period: int
    period_label: str
    subproducts: tuple[SubproductDeviations, ...]
    notes_open: bool
    low_pct: Decimal
    high_pct: Decimal


def officer_deviations(*, user, year: int, period: int) -> OfficerDeviations:
    """The deviations of the period page's document, only those of the subproducts the
    officer's cost centres produce, grouped by subproduct (the note is per subproduct)."""
    institution = user.institution
    document = report_document(institution=institution, year=year, period=period)
    own = set(officer_subproducts(user=user).values_list("id", flat=True))
    grouped: dict[int, list[Deviation]] = {}
    for deviation in document.deviations:
        if deviation.subproduct_id in own:
            grouped.setdefault(deviation.subproduct_id, []).append(deviation)
    return OfficerDeviations(
        year=year,
        period=period,
        period_label=period_label(period),
        subproducts=tuple(
            SubproductDeviations(
                subproduct_id=subproduct_id,
                code=lines[0].code,
                name=lines[0].name,
                text=lines[0].text,
                lines=tuple(lines),
            )
            for subproduct_id, lines in grouped.items()
        ),
        notes_open=deviation_notes_open(
            period_report=period_report_for(institution=institution, year=year, period=period)
        ),
        low_pct=document.low_pct,
        high_pct=document.high_pct,
    )


@dataclass(frozen=True)
class Change:
    row: str
    measure: str
    field: str
    signed: Decimal | int | None  # None: the row did not exist on that side
    current: Decimal | int | None


CHANGE_FIELDS = {
    "initial": "Inicial anual",
    "reprogrammings": "Reprogramaciones",
    "current": "Meta vigente",
    "period_total": "Total del cuatrimestre",
    "accumulated": "Acumulado",
}


def period_report_changes(*, period_report: PeriodReport) -> list[Change]:
    """Figures that differ between the approved/signed snapshot and today's data."""
    if period_report.snapshot is None:
        return []
    signed = document_from_json(period_report.snapshot).report
    current = siplan_report(
        institution=period_report.institution, year=period_report.year, period=period_report.period
    )

    def lines(report):
        return {
            (row.kind, row.id, line.measure): (row.name, line)
            for block in report.blocks
            for row in block.rows
            for line in (row.physical, row.financial)
        }

    before, after = lines(signed), lines(current)
    changes = []
    for key in sorted(before.keys() | after.keys(), key=str):
        name, old = before.get(key, (None, None))
        new_name, new = after.get(key, (None, None))
        for field, label in CHANGE_FIELDS.items():
            old_value = getattr(old, field) if old else None
            new_value = getattr(new, field) if new else None
            if old_value != new_value:
                changes.append(
                    Change(
                        row=name or new_name,
                        measure=MEASURE_LABELS[key[2]],
                        field=label,
                        signed=old_value,
                        current=new_value,
                    )
                )
    return changes


@dataclass(frozen=True)
class MissingReporter:
    code: str
    name: str
    months: tuple[str, ...]


@dataclass(frozen=True)
class PeriodDeadline:
    year: int
    period: int
    period_label: str
    due_date: date
    status: str  # not_started, in_approval, signed, late
    status_label: str
    period_report: PeriodReport | None
    missing: tuple[MissingReporter, ...]


DEADLINE_LABELS = {
    "not_started": "No iniciado",
    "in_approval": "En aprobación",
    "signed": "Firmado",
    "late": "Atrasado",
}


def period_due_date(*, year: int, period: int) -> date:
    """15 days after the period's last day (Ley Orgánica del Presupuesto, art. 17 Bis)."""
    last_month = PERIOD_MONTHS[period][-1]
    return date(year, last_month, calendar.monthrange(year, last_month)[1]) + timedelta(days=DUE_DAYS)


def period_being_reported(*, year: int, today: date) -> int:
    """The period of ``year`` whose report is prepared now: the last one that has ended (the
    first while none has)."""
    ended = [
        period for period, months in PERIOD_MONTHS.items() if (year, months[-1]) < (today.year, today.month)
    ]
    return ended[-1] if ended else 1


def deadline_status(*, period_report: PeriodReport | None, due: date, today: date) -> str:
    if period_report is not None and period_report.status == PeriodReport.Status.SIGNED:
        return "signed"
    if today > due:
        return "late"
    if period_report is not None and period_report.status != PeriodReport.Status.DRAFT:
        return "in_approval"
    return "not_started"


def period_deadlines(*, institution: Institution, year: int, today: date) -> list[PeriodDeadline]:
    """The year's three periods: due date, status, and who has not reported execution yet."""
    reports = {pr.period: pr for pr in PeriodReport.objects.filter(institution=institution, year=year)}
    elapsed = [m for m in range(1, 13) if date(year, m, 1) <= today]
    missing_by_month = cost_centres_missing_execution(institution=institution, year=year, months=elapsed)
    deadlines = []
    for period, months in PERIOD_MONTHS.items():
        missing: dict[int, tuple[CostCentre, list[str]]] = {}
        for month in months:
            for centre in missing_by_month.get(month, []):
                missing.setdefault(centre.pk, (centre, []))[1].append(MONTH_NAMES[month - 1])
        due = period_due_date(year=year, period=period)
        status = deadline_status(period_report=reports.get(period), due=due, today=today)
        deadlines.append(
            PeriodDeadline(
                year=year,
                period=period,
                period_label=period_label(period),
                due_date=due,
                status=status,
                status_label=DEADLINE_LABELS[status],
                period_report=reports.get(period),
                missing=tuple(
                    MissingReporter(code=c.code, name=c.name, months=tuple(names))
                    for c, names in missing.values()
                ),
            )
        )
    return deadlines


def report_jobs_for_user(*, user) -> QuerySet[ReportJob]:
    """Jobs of the institutions the user may read reports of (SEGEPLAN: every institution)."""
    if not user.is_authenticated or not (user.is_superuser or user.role in REPORT_READERS):
        return ReportJob.objects.none()
    return ReportJob.objects.filter(institution__in=institution_list_for_user(user=user)).select_related(
        "institution", "requested_by", "period_report"
    )


def report_documents_for_user(*, user) -> QuerySet[ReportJob]:
    """Finished documents the user may download, newest first (what the API lists)."""
    return report_jobs_for_user(user=user).filter(status=ReportJob.Status.DONE)


def signed_documents_with_digest(*, sha256: str) -> QuerySet[ReportJob]:
    return ReportJob.objects.filter(sha256=sha256, status=ReportJob.Status.DONE).select_related(
        "institution", "period_report"
    )
