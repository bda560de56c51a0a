"""Formatting for SIPLAN documents: figures as the reference prints them, never recomputed."""

from datetime import date

from django import template

from budget.selectors import MONTH_NAMES
from planning.formatting import figure

register = template.Library()
# Every SIPLAN figure, physical or money, is printed ``292,649,151.00``.
register.filter("money", figure)


@register.filter
def long_date(value: date | None) -> str:
    """``14 de enero 2025``, as the reference letter is dated."""
    if value is None:
        return ""
    return f"{value.day} de {MONTH_NAMES[value.month - 1].lower()} {value.year}"


@register.filter
def month_cells(line):
    """The line's months paired with whether any execution was reported for them."""
    return zip(line.months, line.months_reported, strict=True)
