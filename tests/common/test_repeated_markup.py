"""Markup written in Python for speed escapes what users typed, as the template did."""

from decimal import Decimal
from types import SimpleNamespace

from django.template import Context, Template

from budget.models import ExecutionMonth


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_datalist_options_escape_codes_and_names():
    html = render(
        "{% load markup %}{{ pairs|options }}", pairs=[("IGM", "Migración"), ('X"1', "<b>Uno & dos</b>")]
    )

    assert html == (
        '<option value="IGM">Migración</option>'
        '<option value="X&quot;1">&lt;b&gt;Uno &amp; dos&lt;/b&gt;</option>'
    )


def test_execution_month_cells_link_each_month_and_say_when_an_open_month_has_no_rows():
    row = {
        "cost_centre": SimpleNamespace(pk=7),
        "months": [
            {"month": 1, "status": "approved", "label": ExecutionMonth.Status.APPROVED.label, "rows": 3},
            {"month": 2, "status": "open", "label": ExecutionMonth.Status.OPEN.label, "rows": 0},
        ],
    }

    html = render("{% load execution_months %}{% month_cells row 2024 %}", row=row)

    assert html == (
        '<td><a class="status status-approved status-reported" href="/ejecucion/centro/7/2024/1/" '
        'title="Aprobado; 3 filas">Aprobado</a></td>'
        '<td><a class="status status-open" href="/ejecucion/centro/7/2024/2/" '
        'title="Abierto; 0 filas">Sin datos</a></td>'
    )


def test_national_product_rows_escape_names_and_mark_over_execution():
    def progress(pct, over):
        return SimpleNamespace(accumulated_pct=Decimal(pct), over_executed=over)

    products = [
        SimpleNamespace(
            name="<i>Pasaportes</i>", physical=progress("104.5", True), financial=progress("80", False)
        )
    ]

    html = render("{% load national_lines %}{{ products|product_progress_rows }}", products=products)

    assert html == (
        "<tr><td>&lt;i&gt;Pasaportes&lt;/i&gt;</td>"
        '<td class="num over">104.50 %</td><td class="num">80.00 %</td></tr>'
    )
