"""An institution's system pushing execution meets exactly the upload's rules and history."""

from django.urls import reverse

from budget.models import Execution

URL = "budget-api:execution-list"


def _payload(small_world, **changes) -> dict:
    """Quetzaltenango's people in albergues."""
    return {
        "cost_centre": small_world.xela.pk,
        "subproduct": small_world.shelters.pk,
        "year": 2024,
        "month": 3,
        "physical": 40,
        "financial": "1500.50",
    } | changes


def test_locked_period_refuses_the_push_with_the_reason_and_writes_nothing(small_world, institution_client):
    small_world.lock_period(reason="Reporte firmado por el director")
    before = Execution.objects.count()

    response = institution_client.post(reverse(URL), _payload(small_world), format="json")

    assert response.status_code == 400
    message = response.json()["error"]["fields"]["month"][0]
    assert "El cuatrimestre ene–abr 2024 fue bloqueado el" in message
    assert "(Reporte firmado por el director)" in message
    assert Execution.objects.count() == before


def test_subproduct_the_cost_centre_does_not_produce_is_refused(small_world, institution_client):
    # Oficinas centrales produces passports and visas only.
    response = institution_client.post(
        reverse(URL), _payload(small_world, cost_centre=small_world.central.pk), format="json"
    )
    assert response.status_code == 400
    assert "no produce" in str(response.json()["error"]["fields"]["subproduct"])


def test_fractional_units_are_refused_like_in_a_file(small_world, institution_client):
    response = institution_client.post(reverse(URL), _payload(small_world, physical="12.5"), format="json")
    assert response.status_code == 400


def test_history_names_the_client_and_keeps_before_and_after(small_world, institution_client):
    existing = Execution.objects.get(cost_centre=small_world.xela, subproduct=small_world.shelters, month=5)

    response = institution_client.post(
        reverse(URL), _payload(small_world, month=5, physical=77), format="json"
    )

    assert response.status_code == 200, response.content
    existing.refresh_from_db()
    assert (existing.physical, existing.version) == (77, 2)
    latest, previous = existing.history.order_by("-history_id")[:2]
    assert (previous.physical, latest.physical) == (10 * 5, 77)
    assert latest.history_user.username == "api-sistema-inp"
    assert latest.history_change_reason == "API: Sistema INP"
