"""Which months and four-month periods a work queue looks at on a given day."""

from __future__ import annotations

from datetime import date

from common.calendar import PERIOD_MONTHS, period_label
from reporting.selectors.deadlines import period_due_date


def last_ended_period(today: date) -> tuple[int, int]:
    """(year, period) of the last four-month period that has ended by ``today``: in January to April
    that is the previous year's third."""
    ended = [period for period, months in PERIOD_MONTHS.items() if months[-1] < today.month]
    return (today.year, ended[-1]) if ended else (today.year - 1, 3)


def ended_months(today: date) -> tuple[int, list[int]]:
    """The year of the last ended period and its months that have ended (all twelve in January)."""
    year, _period = last_ended_period(today)
    last = 12 if year < today.year else today.month - 1
    return year, list(range(1, last + 1))


def next_deadline(today: date) -> tuple[date, str]:
    """The first report due date on or after ``today`` and the period it closes."""
    for year in (today.year - 1, today.year):
        for period in PERIOD_MONTHS:
            due = period_due_date(year=year, period=period)
            if due >= today:
                return due, f"{period_label(period)} {year}"
    raise AssertionError("a period of this year is always due after today")  # pragma: no cover
