"""SIPLAN document cells: figures as the reference prints them, never recomputed."""

from django import template

register = template.Library()


@register.filter
def month_cells(line):
    """The line's months paired with whether any execution was reported for them."""
    return zip(line.months, line.months_reported, strict=True)
