"""The months of a cost centre in the execution grid (``budget.selectors.execution_month_grid``),
written in Python: 25 centres × 12 months through the template cost more than the rest of the page.
``{% load execution_months %}``: ``{% month_cells row year %}``."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from budget.models import ExecutionMonth

register = template.Library()


@register.simple_tag
def month_cells(row: dict, year: int) -> SafeString:
    """One ``<td>`` per month: its status, linked to the month's page; an open month without rows
    reads "Sin datos"."""
    centre_id = row["cost_centre"].pk
    cells = []
    for cell in row["months"]:
        label = escape(str(cell["label"]))
        url = reverse("budget:month", args=(centre_id, year, cell["month"]))
        reported = " status-reported" if cell["rows"] else ""
        shown = label if cell["rows"] or cell["status"] != ExecutionMonth.Status.OPEN else "Sin datos"
        cells.append(
            f'<td><a class="status status-{escape(cell["status"])}{reported}" href="{url}" '
            f'title="{label}; {cell["rows"]} filas">{shown}</a></td>'
        )
    return mark_safe("".join(cells))  # noqa: S308 — labels and statuses escaped, the rest is ours
