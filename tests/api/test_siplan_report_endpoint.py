"""The SIPLAN endpoint returns, for IGM 2024 period 3, the figures of the reference report.

Expected figures are typed from reference/siplan-cuatrimestre-3-2024.txt.
"""

import pytest
from django.urls import reverse

from reporting.selectors.siplan import siplan_report

from .helpers import token_client

SIPLAN = "reporting-api:siplan-report"
LINE_FIGURES = (
    "initial",
    "reprogrammings",
    "current",
    "months",
    "period_total",
    "period_pct",
    "accumulated",
    "accumulated_pct",
    "accumulated_initial_pct",
)
# name: (physical, financial), each as in the document's row: initial, reprogrammings, current,
# September–December, total, % period, accumulated, % accumulated, % accumulated on initial goals.
TYPED = {
    "Control Registro de Nacionales y Extranjeros en el Territorio Nacional": (
        ("14466570.00", 1, "12901391.00", ["844965.00", "965785.00", "1102171.00", "1105039.00"],
         "4017960.00", "31.14", "11766120.00", "91.20", "81.33"),
        ("92677855.00", 0, "92677855.00", ["5144927.81", "5440221.95", "5210462.52", "8404107.06"],
         "24199719.34", "26.11", "68325981.47", "73.72", "73.72"),
    ),
    "Aportes a Instituciones Nacionales e Internacionales": (
        ("16.00", 0, "16.00", ["2.00", "1.00", "2.00", "1.00"], "6.00", "37.50", "16.00", "100.00", "100.00"),
        ("60225000.00", 0, "60225000.00", ["0.00", "7885115.74", "0.00", "24462555.58"],
         "32347671.32", "53.71", "59790947.63", "99.28", "99.28"),
    ),
    "Migrantes Atendidos en Albergues y Centros de Retornados": (
        ("110613.00", 1, "100149.00", ["4338.00", "4505.00", "4577.00", "16148.00"],
         "29568.00", "29.52", "76720.00", "76.61", "69.36"),
        ("8114876.00", 0, "8114876.00", ["625308.17", "722913.37", "614635.48", "1076973.59"],
         "3039830.61", "37.46", "8438072.00", "103.98", "103.98"),
    ),
    "Prorroga de Documentos Migratorios": (
        ("70000.00", 1, "43117.00", ["1319.00", "1221.00", "1025.00", "1133.00"],
         "4698.00", "10.90", "24485.00", "56.79", "34.98"),
        ("0.00", 0, "0.00", ["629998.90", "0.00", "0.00", "0.00"],
         "629998.90", "0.00", "629998.90", "0.00", "0.00"),
    ),
}  # fmt: skip


@pytest.fixture
def report(igm):
    client = token_client("read")
    response = client.get(reverse(SIPLAN), {"institution": "IGM", "year": 2024, "period": 3})
    assert response.status_code == 200, response.content
    return response.json()


def line(row: dict, measure: str) -> tuple:
    return tuple(row[measure][name] for name in LINE_FIGURES)


def test_typed_reference_rows_match(report):
    rows = {row["name"].lower(): row for block in report["blocks"] for row in block["rows"]}
    returned = {
        name: (line(rows[name.lower()], "physical"), line(rows[name.lower()], "financial")) for name in TYPED
    }
    assert returned == {name: tuple(map(tuple, figures)) for name, figures in TYPED.items()}


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
