"""Acceptance: the four POM 2026-2030 sheets evaluated on IGM's 2024 execution give the
"% de Avance acumulado al 3er cuatrimestre" of the SIPLAN reference report."""

from decimal import Decimal

import pytest

from indicators.selectors import indicator_sheets_for_plan, indicator_values
from monitoring.selectors import Light

# siplan-cuatrimestre-3-2024.txt, product rows, physical, accumulated ÷ current goal.
REFERENCE = {
    "Porcentaje de asistencia y protección de migrantes": (
        "Asistencia y Protección a las Personas Migrantes",
        81370,
        105731,
        Decimal("76.96"),
        Light.YELLOW,
    ),
    "Porcentaje de documentos migratorios emitidos": (
        "Emision de Documentos Migratorios",
        1090740,
        1138495,
        Decimal("95.81"),
        Light.GREEN,
    ),
    "Porcentaje de documentos de extranjería": (
        "Registro Control y Emisión de Visas y Residencias",
        40783,
        43742,
        Decimal("93.24"),
        Light.GREEN,
    ),
    "Porcentaje de cobertura de control migratorio": (
        "Control Registro de Nacionales y Extranjeros en el Territorio Nacional",
        11766120,
        12901391,
        Decimal("91.20"),
        Light.GREEN,
    ),
}


@pytest.fixture
def pom_sheets(igm_pom):
    return list(indicator_sheets_for_plan(plan=igm_pom))


def test_pom_sheets_evaluated_on_2024_match_the_siplan_report(pom_sheets, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        values = indicator_values(sheets=pom_sheets, year=2024, period=3)

    computed = {v.sheet.name: (v.product_name, v.numerator, v.denominator, v.value, v.light) for v in values}
    assert computed == REFERENCE


def test_the_2024_value_of_a_period_counts_from_january_to_its_last_month(pom_sheets):
    (value,) = [
        v for v in indicator_values(sheets=pom_sheets, year=2024, period=2) if "control" in v.sheet.name
    ]
    # Report: accumulated to the 3rd period 11,766,120 minus its Sep–Dec total 4,017,960.
    assert value.numerator == 11766120 - 4017960
    assert value.months_so_far == 8


def test_the_period_value_counts_only_its_four_months(pom_sheets):
    values = {v.sheet.name: v for v in indicator_values(sheets=pom_sheets, year=2024, period=3)}
    # SIPLAN "% 3er cuatrimestre" of the product rows.
    assert str(values["Porcentaje de cobertura de control migratorio"].period_value) == "31.14"
    assert str(values["Porcentaje de asistencia y protección de migrantes"].period_value) == "29.49"
    assert str(values["Porcentaje de documentos migratorios emitidos"].period_value) == "45.88"
    assert str(values["Porcentaje de documentos de extranjería"].period_value) == "53.70"


def test_a_year_without_execution_gives_zero_and_red(pom_sheets):
    values = indicator_values(sheets=pom_sheets, year=2026, period=1)
    assert {v.value for v in values} == {Decimal("0.00")}
    assert {v.light for v in values} == {Light.RED}
    assert all(v.product_name for v in values)  # the POM's own products
