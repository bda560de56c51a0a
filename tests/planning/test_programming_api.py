"""The programming resource: SEGEPLAN and the institution read it (filtered by year, month and
subproduct); an ``institution:`` token writes a subproduct's months through the same service, with
the same refusal when they do not add up."""

from decimal import Decimal

import pytest

from planning.models import MonthlyProgramming
from tests.api_clients import results, token_client
from tests.cast.cycle import cycle_institution, poa_2026_with_s1_spread

pytestmark = pytest.mark.django_db


@pytest.fixture
def poa():
    plan = poa_2026_with_s1_spread()
    plan.s1, plan.s2 = (plan.products.get().subproducts.get(code=code) for code in ("S1", "S2"))
    return plan


def test_segeplan_reads_the_months_filtered(poa):
    rows = results(
        token_client("read").get(f"/api/v1/programming/?year=2026&month=12&subproduct={poa.s1.id}")
    )
    assert [(row["subproduct_code"], row["measure"], row["month"], row["value"]) for row in rows] == [
        ("S1", "financial", 12, "83.37"),
        ("S1", "physical", 12, "100.00"),
    ]
    assert results(token_client("read").get("/api/v1/programming/?year=2027")) == []


def test_an_institution_token_writes_through_the_service_and_another_sees_nothing(poa):
    client = token_client("institution:CIC", client_name="Sistema CIC")
    months = ["100"] * 11 + ["99"]
    refused = client.post(
        "/api/v1/programming/",
        {"subproduct": poa.s2.id, "measure": "physical", "months": months},
        format="json",
    )
    assert refused.status_code == 400
    assert "suma 1,199 y la meta vigente es 1,200: diferencia -1" in refused.content.decode()
    months[-1] = "100"
    saved = client.post(
        "/api/v1/programming/",
        {"subproduct": poa.s2.id, "measure": "physical", "months": months},
        format="json",
    )
    assert saved.status_code == 200, saved.content
    assert MonthlyProgramming.objects.filter(goal__subproduct=poa.s2, measure="physical").count() == 12
    version = MonthlyProgramming.objects.filter(goal__subproduct=poa.s2).first().history.first()
    assert version.history_change_reason == "API: Sistema CIC"
    cycle_institution(code="OTR")
    other = token_client("institution:OTR", client_name="Otro")
    assert results(other.get("/api/v1/programming/")) == []
    assert token_client("read").post("/api/v1/programming/", {}, format="json").status_code == 403


def test_write_refused_on_an_approved_poa(poa):
    poa.status, poa.approval_act, poa.approval_date = "approved", "Acuerdo", "2026-01-02"
    poa.save()
    response = token_client("institution:CIC", client_name="Sistema CIC").post(
        "/api/v1/programming/",
        {"subproduct": poa.s2.id, "measure": "physical", "months": ["100"] * 12},
        format="json",
    )
    assert response.status_code == 400 and "mediante una reprogramación" in response.content.decode()
    assert Decimal(0) == MonthlyProgramming.objects.filter(goal__subproduct=poa.s2).count()
