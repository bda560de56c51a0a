"""An institution's system pushing execution meets exactly the upload's rules and history."""

from django.urls import reverse

from budget.models import Execution
from budget.services.locks import period_lock
from tests.factories import CostCentreFactory, UserFactory

URL = "budget-api:execution-list"


def _payload(data, **changes) -> dict:
    return {
        "cost_centre": data.cost_centre.pk,
        "subproduct": data.subproducts[0].pk,
        "year": 2024,
        "month": 3,
        "physical": 40,
        "financial": "1500.50",
    } | changes


def test_locked_period_refuses_the_push_with_the_reason_and_writes_nothing(
    two_institutions, institution_client
):
    aaa, _ = two_institutions
    period_lock(
        institution=aaa.institution,
        year=2024,
        period=1,
        user=UserFactory(institution=aaa.institution),
        reason="Reporte firmado por el director",
    )
    before = Execution.objects.count()

    response = institution_client.post(reverse(URL), _payload(aaa), format="json")

    assert response.status_code == 400
    message = response.json()["error"]["fields"]["month"][0]
    assert "El cuatrimestre ene–abr 2024 fue bloqueado el" in message
    assert "(Reporte firmado por el director)" in message
    assert Execution.objects.count() == before


def test_subproduct_the_cost_centre_does_not_produce_is_refused(two_institutions, institution_client):
    aaa, _ = two_institutions
    other_centre = CostCentreFactory(institution=aaa.institution, code="CC-77")
    response = institution_client.post(
        reverse(URL), _payload(aaa, cost_centre=other_centre.pk), format="json"
    )
    assert response.status_code == 400
    assert "no produce" in str(response.json()["error"]["fields"]["subproduct"])


def test_fractional_units_are_refused_like_in_a_file(two_institutions, institution_client):
    aaa, _ = two_institutions
    response = institution_client.post(reverse(URL), _payload(aaa, physical="12.5"), format="json")
    assert response.status_code == 400


def test_history_names_the_client_and_keeps_before_and_after(two_institutions, institution_client):
    aaa, _ = two_institutions
    existing = Execution.objects.get(cost_centre=aaa.cost_centre, subproduct=aaa.subproducts[0], month=5)

    response = institution_client.post(reverse(URL), _payload(aaa, month=5, physical=77), format="json")

    assert response.status_code == 200, response.content
    existing.refresh_from_db()
    assert (existing.physical, existing.version) == (77, 2)
    latest, previous = existing.history.order_by("-history_id")[:2]
    assert (previous.physical, latest.physical) == (50, 77)
    assert latest.history_user.username == "api-sistema-aaa"
    assert latest.history_change_reason == "API: Sistema AAA"
