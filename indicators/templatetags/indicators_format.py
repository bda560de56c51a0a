"""Template filters over planning.formatting: Q 292,649,151.00 · 1,090,740 · 76.96 %."""

from decimal import Decimal

from django import template

from planning.formatting import figure, quetzales, units

register = template.Library()


@register.filter
def money(value) -> str:
    return quetzales(value) or "—"


@register.filter
def quantity(value) -> str:
    """Whole units without decimals, anything else with two places."""
    if value is None:
        return "—"
    return units(value) if Decimal(value) == Decimal(value).to_integral_value() else figure(value)


@register.filter
def pct(value) -> str:
    return "—" if value is None else f"{figure(value)} %"
