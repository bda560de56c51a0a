"""An institution's products on the national view (the drill-down under each line), written in
Python: 25 institutions × their products through the template cost a fifth of the page.
``{% load national_lines %}``: ``{{ line.products|product_progress_rows }}``."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from common.formats import percent

register = template.Library()


def _pct_cell(progress) -> str:
    over = " over" if progress.over_executed else ""
    return f'<td class="num{over}">{percent(progress.accumulated_pct)}</td>'


@register.filter
def product_progress_rows(products) -> SafeString:
    """One ``<tr>`` per product: its name, its uncapped physical and financial accumulated %."""
    return mark_safe(  # noqa: S308 — names escaped, the rest is ours
        "".join(
            f"<tr><td>{escape(row.name)}</td>{_pct_cell(row.physical)}{_pct_cell(row.financial)}</tr>"
            for row in products
        )
    )
