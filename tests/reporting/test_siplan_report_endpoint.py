"""The SIPLAN endpoint returns, for IGM 2024 period 3, the figures of the reference report.

Expected figures are read from reference/siplan-cuatrimestre-3-2024.txt (tests/siplan_reference.py).
"""

import pytest
from django.urls import reverse

from reporting.selectors.siplan import siplan_report
from tests.api_clients import token_client
from tests.siplan_reference import FIELDS, LINE_KEYS, reference_rows

SIPLAN = "reporting-api:siplan-report"
NAMES = (
    "Control Registro de Nacionales y Extranjeros en el Territorio Nacional",
    "Aportes a Instituciones Nacionales e Internacionales",
    "Migrantes Atendidos en Albergues y Centros de Retornados",
    "Prorroga de Documentos Migratorios",
)


def reference_line(figures: dict) -> tuple:
    """A line of the reference as the API writes it: amounts as text with their two places, the
    number of reprogrammings as a number and the period's four months as a list."""
    return (
        str(figures["initial"]),
        int(figures["reprogrammings"]),
        str(figures["current"]),
        [str(figures[f"month_{number}"]) for number in range(1, 5)],
        *(str(figures[key]) for key in FIELDS[7:]),
    )


@pytest.fixture
def report(igm):
    client = token_client("read")
    response = client.get(reverse(SIPLAN), {"institution": "IGM", "year": 2024, "period": 3})
    assert response.status_code == 200, response.content
    return response.json()


def line(row: dict, measure: str) -> tuple:
    return tuple(row[measure][name] for name in LINE_KEYS)


def test_reference_rows_match(report):
    rows = {row["name"].lower(): row for block in report["blocks"] for row in block["rows"]}
    returned = {
        name: (line(rows[name.lower()], "physical"), line(rows[name.lower()], "financial")) for name in NAMES
    }
    reference = {row.name: row for row in reference_rows()}
    assert returned == {
        name: (reference_line(reference[name].physical), reference_line(reference[name].financial))
        for name in NAMES
    }


def test_header_signer_and_every_figure_are_the_selectors(report, igm):
    assert (report["institution_code"], report["year"], report["period"]) == ("IGM", 2024, 3)
    assert report["period_ordinal"] == "Tercer"
    assert report["month_names"] == ["Septiembre", "Octubre", "Noviembre", "Diciembre"]
    assert report["signer_name"] == "Lic. Alfredo Danilo Rivera"
    assert report == siplan_report(institution=igm, year=2024, period=3).to_json_data()


def test_year_without_plan_is_404_with_the_reason(igm):
    response = token_client("read").get(reverse(SIPLAN), {"institution": "IGM", "year": 2019, "period": 3})
    assert response.status_code == 404
    assert "no tiene un plan que cubra el año 2019" in response.json()["error"]["message"]


def test_period_out_of_range_is_400(db):
    response = token_client("read").get(reverse(SIPLAN), {"institution": "IGM", "year": 2024, "period": 4})
    assert response.status_code == 400
    assert "period" in response.json()["error"]["fields"]
