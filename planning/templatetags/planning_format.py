from django import template

from planning import formatting

register = template.Library()


@register.filter
def measure_value(value, measure: str) -> str:
    """A reprogramming's value written in the unit of its measure."""
    return formatting.quetzales(value) if measure == "financial" else formatting.units(value)


@register.simple_tag(takes_context=True)
def page_url(context, param: str, number) -> str:
    """This page's query string with ``param`` set to ``number``, so other lists on it keep their page."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
