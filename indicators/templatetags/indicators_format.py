"""Figures as the SIPLAN documents print them: Q 292,649,151.00 · 1,090,740 · 76.96 %."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value) -> str:
    return "—" if value is None else f"Q {Decimal(value):,.2f}"


@register.filter
def quantity(value) -> str:
    """Whole units without decimals, anything else with two places."""
    if value is None:
        return "—"
    value = Decimal(value)
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


@register.filter
def pct(value) -> str:
    return "—" if value is None else f"{Decimal(value):.2f} %"
