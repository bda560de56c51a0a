"""The SIPLAN report selector reproduces reference/siplan-cuatrimestre-3-2024.txt."""

from decimal import Decimal

import pytest

from reporting.selectors.siplan import siplan_report
from tests.siplan_reference import FIELDS, reference_rows

REFERENCE = reference_rows()
VISAS_PRODUCT = "Registro Control y Emisión de Visas y Residencias"


def _line_figures(line) -> dict:
    values = (
        line.initial,
        line.reprogrammings,
        line.current,
        *line.months,
        line.period_total,
        line.period_pct,
        line.accumulated,
        line.accumulated_pct,
        line.accumulated_initial_pct,
    )
    return {name: Decimal(value) for name, value in zip(FIELDS, values, strict=True)}


@pytest.fixture
def report_rows(igm):
    report = siplan_report(institution=igm, year=2024, period=3)
    return [row for block in report.blocks for row in block.rows]


def test_reference_document_has_seventeen_rows():
    assert len(REFERENCE) == 17


def test_rows_follow_the_reference_order_names_and_units(report_rows):
    assert [(r.name.lower(), r.unit) for r in report_rows] == [(r.name.lower(), r.unit) for r in REFERENCE]
    assert [r.kind for r in report_rows][:3] == ["product", "subproduct", "subproduct"]


@pytest.mark.parametrize("index", range(17), ids=[row.name[:45] for row in REFERENCE])
@pytest.mark.parametrize("measure", ["physical", "financial"])
def test_every_figure_matches_the_reference(report_rows, index, measure):
    expected = dict(getattr(REFERENCE[index], measure))
    if REFERENCE[index].name == VISAS_PRODUCT and measure == "physical":
        # The reference prints 6,988 and 6,948 for November and December on this product row, but
        # its own subproduct rows below add up to 6,899 and 7,037 (the period total 23,490 agrees
        # with both). A product's physical figure is the sum of its same-unit subproducts, so the
        # expected values are those sums, computed from the reference's subproduct rows.
        subproducts = REFERENCE[index + 1 : index + 4]
        for month in ("month_3", "month_4"):
            expected[month] = sum(row.physical[month] for row in subproducts)
        assert (expected["month_3"], expected["month_4"]) == (Decimal("6899"), Decimal("7037"))
        assert REFERENCE[index].physical["month_3"] + REFERENCE[index].physical["month_4"] == (
            expected["month_3"] + expected["month_4"]
        )
    assert _line_figures(getattr(report_rows[index], measure)) == expected


def test_blocks_are_results_or_sin_resultado(igm):
    report = siplan_report(institution=igm, year=2024, period=3)
    titles = [block.title for block in report.blocks]
    assert titles[1] == "Sin Resultado"
    assert titles[0].startswith("Para el año 2030 se ha incrementado la cobertura")
    assert titles[2].startswith("Para el año 2030 se ha incrementado la protección")
    assert report.month_names == ("Septiembre", "Octubre", "Noviembre", "Diciembre")
    assert report.signer_name == "Lic. Alfredo Danilo Rivera"
