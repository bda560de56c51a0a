"""The report document every renderer gets: the SIPLAN report, its letter, deviations and monthly
detail; the period's report (workflow row) and what changed since its approved snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget.models import Execution
from common.calendar import PERIOD_MONTHS
from planning.models import Institution
from reporting.documents import DetailRow, Letter, ReportDocument, document_from_json
from reporting.models import PeriodReport
from reporting.selectors.deviations import deviation_band, deviation_notes, report_deviations
from reporting.selectors.siplan import MEASURE_LABELS, siplan_report


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


def period_report_states(*, institution: Institution, year: int) -> dict[int, PeriodReport]:
    """The year's period reports by period, with only their status read: what work queues and
    deadlines need, without the people who handled them."""
    reports = PeriodReport.objects.filter(institution=institution, year=year).only("period", "status")
    return {report.period: report for report in reports}


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
