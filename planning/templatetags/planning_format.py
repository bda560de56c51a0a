"""Figures as the plans print them: ``Q 292,649,151.00`` and ``1,347,953``."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value) -> str:
    if value is None or value == "":
        return "—"
    return f"Q {Decimal(value):,.2f}"


@register.filter
def units(value) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(value)
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"


@register.filter
def measure_value(value, measure: str) -> str:
    """A reprogramming's value in the unit of its measure."""
    return money(value) if measure == "financial" else units(value)
