"""The national view's lines and, under each, its products, written in Python: 25 institutions
and their products through template tags and includes cost a third of the page. Names are
escaped; everything else is a code, a formatted figure or a constant.
``{% load national_lines %}``: ``{% national_line_rows page year period reads_reports %}``."""

from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from common.formats import moment, percent

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


PRODUCTS_NOTE = (
    '<p class="muted">Cifras sin tope; el avance físico de la institución toma cada producto hasta 100 %.</p>'
)
PRODUCTS_HEAD = (
    '<thead><tr><th>Producto</th><th class="num">% físico acumulado</th>'
    '<th class="num">% financiero acumulado</th></tr></thead>'
)


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _products(line) -> str:
    if not line.products:
        return ""
    count = len(line.products)
    return (
        f"<details><summary>{count} {_plural(count, 'producto', 'productos')}</summary>"
        f'<table class="table products">{PRODUCTS_HEAD}<tbody>{product_progress_rows(line.products)}</tbody>'
        f"</table>{PRODUCTS_NOTE}</details>"
    )


def _line_row(line, *, year: int, period: int, reads_reports: bool, dashboard: str) -> str:
    code = escape(line.code)
    late = ""
    if line.days_late:
        late = (
            f' <span class="late">{line.days_late} {_plural(line.days_late, "día", "días")} de atraso</span>'
        )
    financial = percent(line.financial_pct) if line.has_plan else "Sin plan"
    physical = percent(line.physical_pct) if line.has_plan else ""
    report = ""
    if reads_reports and line.has_plan:
        url = reverse("reporting:period", args=[line.code, year, period])
        report = f'<a class="drill" href="{escape(url)}">Reporte SIPLAN</a> · '
    board = f"{dashboard}?institucion={escape(quote(line.code))}&amp;year={year}&amp;period={period}"
    return (
        f'<tr data-code="{code}"><td><strong>{code}</strong> {escape(line.name)}</td>'
        f'<td><span class="badge status-{line.status}">{escape(line.status_label)}</span>{late}</td>'
        f'<td class="num" data-label="Ejecución financiera">{financial}</td>'
        f'<td class="num" data-label="Avance físico">{physical}</td>'
        f'<td data-label="Firmado el">{moment(line.signed_at) or "—"}</td>'
        f'<td class="no-print">{report}<a href="{board}">Tablero</a>{_products(line)}</td></tr>'
    )


@register.simple_tag
def national_line_rows(lines, year: int, period: int, reads_reports: bool) -> SafeString:
    """One ``<tr>`` per national line (``national.selectors.NationalLine``): institution, report
    status and days late, financial and physical %, when its report was signed, and the links to
    its SIPLAN report and dashboard with its products folded under them."""
    dashboard = reverse("monitoring:dashboard")
    rows = (
        _line_row(line, year=year, period=period, reads_reports=reads_reports, dashboard=dashboard)
        for line in lines
    )
    return mark_safe("".join(rows))  # noqa: S308 — names escaped above, the rest is ours
