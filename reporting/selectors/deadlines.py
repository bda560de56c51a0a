"""Deadlines of the four-monthly reports: due dates, status, and who has not reported execution."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from budget.models import CostCentre
from budget.selectors import cost_centres_missing_execution
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, period_label
from planning.models import Institution
from reporting.models import PeriodReport

DUE_DAYS = 15


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
    # Sent and waiting for the director: the report is no longer planning's to send, late or not.
    if period_report is not None and period_report.status != PeriodReport.Status.DRAFT:
        return "in_approval"
    if today > due:
        return "late"
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
