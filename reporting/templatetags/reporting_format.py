"""Formatting for SIPLAN documents: figures as the reference prints them, never recomputed."""

from datetime import date
from decimal import Decimal

from django import template

from budget.selectors import MONTH_NAMES

register = template.Library()


def money(value) -> str:
    """``292649151`` → ``292,649,151.00``, the way SIPLAN prints every figure, physical or money."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):,.2f}"


def long_date(value: date | None) -> str:
    """``14 de enero 2025``, as the reference letter is dated."""
    if value is None:
        return ""
    return f"{value.day} de {MONTH_NAMES[value.month - 1].lower()} {value.year}"


register.filter("money", money)
register.filter("long_date", long_date)


@register.filter
def month_cells(line):
    """The line's months paired with whether any execution was reported for them."""
    return zip(line.months, line.months_reported, strict=True)
