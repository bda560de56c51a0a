"""The public portal shows approved plans, signed reports and approved months, and nothing else:
checked on its pages and in its open-data files, without logging in."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db.models import Sum
from openpyxl import load_workbook

from budget.models import Execution
from common.formats import quantity
from planning.models import Plan
from tests.transparency.conftest import APPROVED_MONTHS

DRAFT_POM = "Plan Operativo Multianual 2026-2030"


@pytest.fixture
def portal(client, published):
    return client


def _csv(client, dataset: str) -> list[dict]:
    response = client.get(f"/transparencia/IGM/datos/{dataset}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_institution_page_lists_the_approved_plan_and_only_the_signed_report(portal, igm):
    poa = Plan.objects.get(institution=igm, kind=Plan.Kind.POA, start_year=2024)
    page = portal.get("/transparencia/IGM/").content.decode()
    assert poa.name in page
    assert "Acuerdo" in page and "006-2023" in page
    assert DRAFT_POM not in page
    assert "/transparencia/IGM/reportes/2024/3/reporte-firmado.pdf" in page
    assert "/transparencia/IGM/reportes/2024/3/verificacion/" in page
    assert "/reportes/2024/2/" not in page


def test_only_the_signed_report_downloads(portal):
    signed = portal.get("/transparencia/IGM/reportes/2024/3/reporte-firmado.pdf")
    assert signed.status_code == 200
    assert b"".join(signed.streaming_content).startswith(b"%PDF-")
    assert portal.get("/transparencia/IGM/reportes/2024/2/reporte-firmado.pdf").status_code == 404
    assert portal.get("/transparencia/IGM/reportes/2024/2/verificacion/").status_code == 404


def test_verification_page_checks_the_stored_signature(portal, published):
    page = portal.get("/transparencia/IGM/reportes/2024/3/verificacion/").content.decode()
    assert "Firma válida" in page
    document = published.signed.jobs.get(signed=True)
    assert document.sha256 in page


def test_execution_page_counts_approved_months_only(portal, igm):
    page = portal.get("/transparencia/IGM/ejecucion/2024/3/").content.decode()
    approved = Execution.objects.filter(
        cost_centre__institution=igm,
        year=2024,
        month__in=APPROVED_MONTHS,
        subproduct__code="11-00-000-002-01",
    ).aggregate(units=Sum("physical"))["units"]
    whole_year = Execution.objects.filter(
        cost_centre__institution=igm, year=2024, subproduct__code="11-00-000-002-01"
    ).aggregate(units=Sum("physical"))["units"]
    assert approved < whole_year
    assert quantity(approved) in page
    assert quantity(whole_year) not in page
    assert "<svg" in page and "<caption>" in page


def test_execution_file_holds_approved_months_only(portal, igm):
    rows = _csv(portal, "ejecucion")
    assert {int(row["mes"]) for row in rows} == set(APPROVED_MONTHS)
    expected = Execution.objects.filter(
        cost_centre__institution=igm, year=2024, month__in=APPROVED_MONTHS
    ).aggregate(money=Sum("financial"))["money"]
    assert sum(Decimal(row["ejecucion_financiera"]) for row in rows) == expected


def test_goal_files_hold_approved_plans_only(portal, igm):
    poa = Plan.objects.get(institution=igm, kind=Plan.Kind.POA, start_year=2024)
    assert poa.is_approved
    rows = _csv(portal, "metas")
    assert {row["plan"] for row in rows} == {poa.name}
    data = json.loads(portal.get("/transparencia/IGM/datos/metas.json").content)
    assert DRAFT_POM not in {row["plan"] for row in data["filas"]}
    book = load_workbook(io.BytesIO(portal.get("/transparencia/IGM/datos/metas.xlsx").content))
    plans = {row[0] for row in book.active.iter_rows(min_row=2, values_only=True)}
    assert plans and DRAFT_POM not in plans


def test_report_figures_come_from_the_signed_report_only(portal):
    rows = _csv(portal, "reportes")
    assert {(row["anio"], row["cuatrimestre"]) for row in rows} == {("2024", "3")}
    # Reference SIPLAN 2024 P3, "Control Registro…" physical: September 844,965.00, accumulated
    # 11,766,120.00, 91.20 % of the current goal.
    control = next(
        row for row in rows if row["nombre"].startswith("Control Registro") and row["meta"] == "Física"
    )
    assert (control["mes_1"], control["acumulado"], control["pct_acumulado"]) == (
        "844965.00",
        "11766120.00",
        "91.20",
    )


def test_nothing_is_public_before_anything_is_approved(client, igm):
    page = client.get("/transparencia/IGM/").content.decode()
    assert "No hay reportes cuatrimestrales firmados" in page
    assert "No hay meses de ejecución aprobados" in page
    assert _csv(client, "ejecucion") == []
    assert _csv(client, "reportes") == []
