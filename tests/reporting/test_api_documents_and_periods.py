"""SEGEPLAN reads report documents (metadata, SHA-256, signature status, download) and each
period's deadline, missing reporters and deviation explanations through the API."""

import hashlib

from django.urls import reverse

from reporting.models import ReportJob
from tests.api_clients import token_client
from tests.factories import InstitutionFactory


def test_read_token_lists_the_signed_pdf_and_downloads_the_same_bytes(signed_pdf):
    client = token_client("read")
    listing = client.get(reverse("reporting-api:report-document-list"))
    assert listing.status_code == 200
    document = next(d for d in listing.json()["results"] if d["signed"] and d["format"] == "pdf")
    assert (document["institution_code"], document["year"], document["period"]) == ("IGM", 2024, 3)
    assert document["sha256"] == hashlib.sha256(signed_pdf.read_bytes()).hexdigest()

    download = client.get(document["download"])
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == document["sha256"]
    assert download["ETag"] == f'"{document["sha256"]}"'


def test_another_institutions_token_gets_404_for_the_document(signed_pdf, igm):
    InstitutionFactory(code="OTRA")
    job = ReportJob.objects.filter(institution=igm, status=ReportJob.Status.DONE).first()
    response = token_client("institution:OTRA", client_name="Otra").get(
        reverse("reporting-api:report-document-detail", args=[job.pk])
    )
    assert response.status_code == 404


def test_periods_give_due_dates_statuses_and_deviation_explanations(explained, igm):
    response = token_client("read").get(
        reverse("reporting-api:report-periods"), {"institution": "IGM", "year": 2024}
    )
    assert response.status_code == 200, response.content
    periods = response.json()
    assert [p["due_date"] for p in periods] == ["2024-05-15", "2024-09-15", "2025-01-15"]
    third = periods[2]
    assert third["status"] == "late"  # nothing was signed for 2024 in this test database
    assert {d["code"] for d in third["deviations"]} == {d.code for d in explained.deviations}
    assert all(d["text"] == "Explicación de la unidad responsable." for d in third["deviations"])


def test_period_deviations_carry_the_expected_goal_and_the_accumulated_execution(explained, igm):
    """In the third period the goal expected by its end is the whole current goal: both figures are
    those of the SIPLAN report's line for the same subproduct and measure."""
    client = token_client("read")
    periods = client.get(reverse("reporting-api:report-periods"), {"institution": "IGM", "year": 2024})
    siplan = client.get(
        reverse("reporting-api:siplan-report"), {"institution": "IGM", "year": 2024, "period": 3}
    )
    lines = {
        (row["code"], line["measure"]): line
        for block in siplan.json()["blocks"]
        for row in block["rows"]
        if row["kind"] == "subproduct"
        for line in (row["physical"], row["financial"])
    }
    deviations = periods.json()[2]["deviations"]
    assert deviations
    for deviation in deviations:
        line = lines[(deviation["code"], deviation["measure"])]
        assert (deviation["expected"], deviation["accumulated"]) == (line["current"], line["accumulated"])
