"""What an irreversible step will change, said before it is taken: the letter number an approval
assigns, and the period reports a reprogramming alters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from common.calendar import PERIOD_MONTHS, period_label
from planning.models import Institution, Reprogramming
from planning.selectors.goals import goal_plan
from reporting.models import LetterSequence, PeriodReport

OPEN_STATUSES = (PeriodReport.Status.DRAFT, PeriodReport.Status.SUBMITTED)


def next_letter_code(*, institution: Institution, today: date) -> str:
    """The cover-letter number the next approval of ``institution`` takes (numbered per year)."""
    last = (
        LetterSequence.objects.filter(institution=institution, year=today.year)
        .values_list("last_number", flat=True)
        .first()
    )
    return PeriodReport(
        institution=institution, letter_number=(last or 0) + 1, letter_year=today.year
    ).letter_code


@dataclass(frozen=True)
class AffectedReport:
    year: int
    period: int
    label: str
    status_label: str
    institution_code: str


def _changed_months(reprogramming: Reprogramming) -> set[int]:
    old, new = reprogramming.old_months, reprogramming.new_months
    if old and new:
        return {month for month, (a, b) in enumerate(zip(old, new, strict=True), start=1) if a != b}
    # No monthly programming: the goal is judged uniformly, so every month from the change onwards moves.
    start = (
        reprogramming.effective_date.month
        if reprogramming.effective_date.year == reprogramming.goal.year
        else 1
    )
    return set(range(start, 13))


def reports_changed_by(*, reprogramming: Reprogramming, today: date) -> list[AffectedReport]:
    """The period reports being prepared (begun, not yet approved) whose months the reprogramming
    changes: approving it changes what those reports show."""
    goal = reprogramming.goal
    institution = goal_plan(goal).institution
    months = _changed_months(reprogramming)
    started = [
        period
        for period, period_months in PERIOD_MONTHS.items()
        if (goal.year, period_months[0]) <= (today.year, today.month) and months & set(period_months)
    ]
    reports = {
        r.period: r
        for r in PeriodReport.objects.filter(institution=institution, year=goal.year, period__in=started)
    }
    return [
        AffectedReport(
            year=goal.year,
            period=period,
            label=f"C{period} {goal.year} ({period_label(period)})",
            status_label=reports[period].get_status_display() if period in reports else "En preparación",
            institution_code=institution.code,
        )
        for period in started
        if period not in reports or reports[period].status in OPEN_STATUSES
    ]
