from django import template

from planning import formatting

register = template.Library()


@register.filter
def measure_value(value, measure: str) -> str:
    """A reprogramming's value written in the unit of its measure."""
    return formatting.quetzales(value) if measure == "financial" else formatting.units(value)
