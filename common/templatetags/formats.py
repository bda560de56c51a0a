"""The one template library of figure formats (``common.formats``): Q 292,649,151.00 · 1,090,740 ·
76.96 %, dates (30/11/2026, 30/11/2026 12:45; the letter's long date), and page links that keep
the page's other lists."""

from django import template

from common import formats

register = template.Library()
register.filter("cifra", formats.figure)
register.filter("quetzales", formats.quetzales)
register.filter("unidades", formats.units)
register.filter("pct", formats.percent)
register.filter("fecha", formats.day)
register.filter("fecha_hora", formats.moment)
register.filter("long_date", formats.long_date)


@register.filter
def money(value) -> str:
    """Quetzales, or a dash where there is no figure."""
    return formats.quetzales(value) or "—"


@register.filter
def quantity(value) -> str:
    """Whole units without decimals, anything else with two places."""
    return "—" if value is None else formats.quantity(value)


@register.filter
def measure_value(value, measure: str) -> str:
    """A value written in the unit of its measure (quetzales or whole units)."""
    return formats.quetzales(value) if measure == "financial" else formats.units(value)


@register.simple_tag(takes_context=True)
def page_url(context, param: str, number) -> str:
    """This page's query string with ``param`` set to ``number``, so other lists on it keep their page."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
