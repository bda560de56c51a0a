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


def national_line(**figures):
    line = {
        "code": "X&1",
        "name": "<b>Instituto</b>",
        "status": "late",
        "status_label": "Atrasado",
        "days_late": 1,
        "has_plan": True,
        "financial_pct": Decimal("12.5"),
        "physical_pct": Decimal("80"),
        "signed_at": None,
        "products": (),
    }
    return SimpleNamespace(**{**line, **figures})


def test_national_lines_escape_names_and_codes_and_link_report_and_dashboard():
    html = render(
        "{% load national_lines %}{% national_line_rows lines 2024 3 True %}", lines=[national_line()]
    )

    assert html == (
        '<tr data-code="X&amp;1"><td><strong>X&amp;1</strong> &lt;b&gt;Instituto&lt;/b&gt;</td>'
        '<td><span class="badge status-late">Atrasado</span> <span class="late">1 día de atraso</span></td>'
        '<td class="num" data-label="Ejecución financiera">12.50 %</td>'
        '<td class="num" data-label="Avance físico">80.00 %</td>'
        '<td data-label="Firmado el">—</td>'
        '<td class="no-print"><a class="drill" href="/reportes/X&amp;1/2024/3/">Reporte SIPLAN</a> · '
        '<a href="/seguimiento/tablero/?institucion=X%261&amp;year=2024&amp;period=3">Tablero</a></td></tr>'
    )


def test_a_national_line_without_plan_says_so_and_offers_no_report():
    line = national_line(has_plan=False, days_late=12, financial_pct=None, physical_pct=None)

    html = render("{% load national_lines %}{% national_line_rows lines 2024 3 True %}", lines=[line])

    assert "12 días de atraso" in html
    assert '<td class="num" data-label="Ejecución financiera">Sin plan</td>' in html
    assert '<td class="num" data-label="Avance físico"></td>' in html
    assert "Reporte SIPLAN" not in html
