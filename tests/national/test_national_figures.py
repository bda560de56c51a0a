"""The national line's figures: IGM 2024 P3 by hand from the reference report, and every
institution's line equal to its own SIPLAN report."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from national.selectors import national_figures, national_lines
from planning.models import Institution
from reporting.selectors.siplan import siplan_report
from seeding.synthetic import synthetic_build
from tests.siplan_reference import reference_rows

TODAY = date(2025, 2, 1)
# The products of the reference report, in its order; each is the first row of its name (its
# subproduct of the same name follows it).
IGM_PRODUCTS = (
    "Control Registro de Nacionales y Extranjeros en el Territorio Nacional",
    "Dirección y Coordinación",
    "Aportes a Instituciones Nacionales e Internacionales",
    "Registro Control y Emisión de Visas y Residencias",
    "Asistencia y Protección a las Personas Migrantes",
    "Emision de Documentos Migratorios",
)


def reference_products():
    rows = reference_rows()
    return [next(row for row in rows if row.name.startswith(name[:40])) for name in IGM_PRODUCTS]


def test_igm_2024_third_period_line_from_the_reference_report(igm):
    products = reference_products()
    accumulated = sum(row.financial["accumulated"] for row in products)
    current = sum(row.financial["current"] for row in products)
    financial = (accumulated * 100 / current).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    capped = [min(row.physical["accumulated_pct"], Decimal(100)) for row in products]
    physical = (sum(capped) / len(capped)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # By hand: 278,351,422.98 ÷ 472,147,008.00 × 100 = 58.954…;
    # (91.20 + 100 + 100 + 93.24 + 76.96 + 95.81) ÷ 6 = 92.868…
    assert (financial, physical) == (Decimal("58.95"), Decimal("92.87"))

    [line] = national_lines(
        institutions=Institution.objects.filter(pk=igm.pk), year=2024, period=3, today=TODAY
    )
    assert (line.financial_pct, line.physical_pct) == (financial, physical)
    assert [row.name for row in line.products] == [row.name for row in products]
    assert [row.physical.accumulated_pct for row in line.products] == [
        row.physical["accumulated_pct"] for row in products
    ]


def _without_programming(row):
    return (
        row.id,
        row.name,
        row.unit,
        *(
            (
                m.initial,
                m.reprogrammings,
                m.current,
                m.months,
                m.period_total,
                m.accumulated,
                m.accumulated_pct,
            )
            for m in (row.physical, row.financial)
        ),
    )


def test_each_line_is_what_the_siplan_report_gives(igm, small_world):
    synthetic_build(institutions=2, code="NAT", products=3, subproducts=2, start_year=2024)
    institutions = Institution.objects.all()
    lines = national_lines(institutions=institutions, year=2024, period=2, today=TODAY)
    assert len(lines) == institutions.count() >= 5
    with_plan = [line for line in lines if line.has_plan]
    assert len(with_plan) >= 3
    for line in with_plan:
        report = siplan_report(
            institution=Institution.objects.get(pk=line.institution_id), year=2024, period=2
        )
        products = tuple(row for block in report.blocks for row in block.rows if row.kind == "product")
        assert [_without_programming(row) for row in line.products] == [
            _without_programming(row) for row in products
        ]
        assert (line.financial_pct, line.physical_pct) == national_figures(products)


def _queries(year: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        national_lines(institutions=Institution.objects.all(), year=year, period=2, today=TODAY)
    return len(queries)


def test_queries_do_not_grow_with_the_institutions(db):
    synthetic_build(institutions=2, code="NQA", products=3, subproducts=2, start_year=2024)
    two = _queries(2024)
    synthetic_build(institutions=3, code="NQB", products=3, subproducts=2, start_year=2024)
    five = _queries(2024)
    assert two == five <= 8


def test_a_change_to_the_figures_is_seen_at_once(igm, small_world):
    institutions = Institution.objects.filter(pk=small_world.institution.pk)
    [before] = national_lines(institutions=institutions, year=2024, period=1, today=TODAY)
    [again] = national_lines(institutions=institutions, year=2024, period=1, today=TODAY)
    assert again == before  # from the cache
    execution = small_world.executions[0]
    execution.financial += 1000
    execution.save()
    [after] = national_lines(institutions=institutions, year=2024, period=1, today=TODAY)
    changed = {row.id: row.financial.accumulated for row in after.products}
    assert changed != {row.id: row.financial.accumulated for row in before.products}
    assert sum(changed.values()) == sum(row.financial.accumulated for row in before.products) + 1000
