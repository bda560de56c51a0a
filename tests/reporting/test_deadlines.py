"""Deadlines: due 15 days after each period, status, and who has not reported execution."""

from datetime import date

from budget.models import CostCentre, Execution
from reporting.models import PeriodReport
from reporting.selectors.deadlines import period_deadlines, period_due_date


def test_due_dates_are_fifteen_days_after_each_period():
    assert period_due_date(year=2024, period=1) == date(2024, 5, 15)
    assert period_due_date(year=2024, period=2) == date(2024, 9, 15)
    assert period_due_date(year=2024, period=3) == date(2025, 1, 15)


def test_statuses_not_started_in_approval_signed_and_late(igm):
    PeriodReport.objects.create(institution=igm, year=2024, period=1, status=PeriodReport.Status.SIGNED)
    PeriodReport.objects.create(institution=igm, year=2024, period=2, status=PeriodReport.Status.SUBMITTED)
    before_due = {
        d.period: d.status for d in period_deadlines(institution=igm, year=2024, today=date(2024, 9, 1))
    }
    assert before_due == {1: "signed", 2: "in_approval", 3: "not_started"}
    # Past the due date a report waiting for the director is "En aprobación", not "Atrasado".
    after_due = period_deadlines(institution=igm, year=2024, today=date(2025, 2, 1))
    assert [(d.status, d.status_label) for d in after_due] == [
        ("signed", "Firmado"),
        ("in_approval", "En aprobación"),
        ("late", "Atrasado"),
    ]


def test_lists_the_cost_centres_that_have_not_reported(igm):
    centre = CostCentre.objects.filter(
        institution=igm, status=CostCentre.Status.ACTIVE, subproducts__isnull=False
    )
    centre = centre.distinct().first()
    Execution.objects.filter(cost_centre=centre, year=2024, month=11).delete()
    deadlines = period_deadlines(institution=igm, year=2024, today=date(2025, 1, 10))
    missing = {m.code: m.months for m in deadlines[2].missing}
    assert missing[centre.code] == ("Noviembre",)
    # Months that have not started yet are not "missing".
    early = period_deadlines(institution=igm, year=2024, today=date(2024, 2, 10))
    assert all(month in ("Enero", "Febrero") for m in early[0].missing for month in m.months)
    assert early[1].missing == () and early[2].missing == ()
