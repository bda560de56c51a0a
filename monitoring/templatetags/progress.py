"""The dashboard's progress rows and the traffic-light badge.

Built in Python with plain string formatting: a synthetic institution's 60 products and subproducts
through template includes cost about 40 ms of a dashboard page (most of its time at national
scale), and through ``format_html`` about 20 ms; this costs a few. Only names and units are text
from users and are escaped; every other piece is a formatted figure or a constant.
``{% load progress %}``: ``{% progress_rows progress %}``, ``{{ value.light|light }}``.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from common import formats
from common.templatetags.formats import money, quantity

register = template.Library()

UNIFORM_MARK = (
    '<small class="uniform" title="sin programación: se asume distribución uniforme"> unif.</small>'
)
FLAGS = {
    "over": '<span class="flag-over">Sobre-ejecución</span>',
    "under": '<span class="flag-under">Sub-ejecución</span>',
    None: "",
}


def _light(colour: str | None) -> str:
    if not colour:
        return '<span class="empty">sin dato</span>'
    colour = escape(colour)
    return f'<span class="light light-{colour}" title="Semáforo {colour}">● {colour.capitalize()}</span>'


@register.filter
def light(colour: str | None) -> SafeString:
    """``verde`` → a coloured dot with its name; nothing measured → "sin dato"."""
    return mark_safe(_light(colour))  # noqa: S308 — the colour is escaped


def _measure_row(row, name_cell: str, cost_cells: str, number: int, label: str, m) -> str:
    """One line (Física or Financiera) of a product or subproduct; the name and the unit costs
    span both lines and are given only for the first."""
    figure = quantity if number == 1 else money
    flag = FLAGS["over" if m.over_executed else "under" if m.under_executed else None]
    projected = "0.00 %" if m.nothing_expected else formats.percent(m.projected_pct)
    uniform = "" if m.is_programmed else UNIFORM_MARK
    return (
        f'<tr class="{row.kind}{" first" if number == 1 else ""}" data-row="{row.kind}-{row.id}" '
        f'data-measure="{number}">{name_cell}<td>{label}</td>'
        f'<td class="num">{figure(m.goal_current)}</td><td class="num">{figure(m.period_total)}</td>'
        f'<td class="num">{figure(m.accumulated)}</td>'
        f'<td class="num expected">{figure(m.expected)}{uniform}</td>'
        f'<td class="num">{formats.percent(m.period_pct)}</td>'
        f'<td class="num accumulated-pct">{formats.percent(m.accumulated_pct)}</td>'
        f'<td class="num progress-pct">{projected}</td>'
        f'<td class="light-cell">{_light(m.light)}</td><td>{flag}</td>{cost_cells}</tr>'
    )


def _owner_rows(row) -> str:
    name_cell = (
        f'<td rowspan="2" class="name">{escape(row.name)} <small class="unit">{escape(row.unit)}</small></td>'
    )
    cost_cells = (
        f'<td rowspan="2" class="num">{money(row.unit_cost_programmed)}</td>'
        f'<td rowspan="2" class="num">{money(row.unit_cost_executed)}</td>'
    )
    (first_label, first), (second_label, second) = row.measures
    return _measure_row(row, name_cell, cost_cells, 1, first_label, first) + _measure_row(
        row, "", "", 2, second_label, second
    )


@register.simple_tag
def progress_rows(progress) -> SafeString:
    """Every product of ``progress`` (``monitoring.selectors.PlanProgress``) as a ``<tbody>``: the
    product's two lines, then each subproduct's."""
    blocks = (
        '<tbody class="product-block">'
        + "".join(_owner_rows(row) for row in (item.product, *item.subproducts))
        + "</tbody>"
        for item in progress.products
    )
    return mark_safe("".join(blocks))  # noqa: S308 — names and units escaped above, the rest is ours
