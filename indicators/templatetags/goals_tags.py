"""Figures as the plan documents print them: ``Q 292,649,151.00`` and ``1,225,189``."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def amount(value) -> str:
    """Quetzales without the currency sign, for columns whose heading already says «(Q)»."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):,.2f}"


@register.filter
def money(value) -> str:
    text = amount(value)
    return f"Q {text}" if text else ""


@register.filter
def units(value) -> str:
    if value is None or value == "":
        return ""
    return f"{int(value):,}"
