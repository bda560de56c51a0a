"""Template filters over planning.formatting: Q 292,649,151.00 · 1,090,740 · 76.96 %."""

from django import template

from planning import formatting
from planning.formatting import figure, quetzales

register = template.Library()


@register.filter
def money(value) -> str:
    return quetzales(value) or "—"


@register.filter
def quantity(value) -> str:
    """Whole units without decimals, anything else with two places."""
    return "—" if value is None else formatting.quantity(value)


@register.filter
def pct(value) -> str:
    return "—" if value is None else f"{figure(value)} %"
