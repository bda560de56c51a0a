"""Who sees what on the dashboard: everything for readers, only their own cost centres for officers."""

import pytest
from django.urls import reverse

from accounts.models import Role
from monitoring.selectors import plan_progress
from tests.factories import UserFactory

SHELTERS = "Migrantes atendidos en albergues"


def subproduct_rows(progress) -> dict:
    return {row.name: row for item in progress.products for row in item.subproducts}


def test_officer_sees_only_the_execution_of_their_cost_centres(client, small_world):
    client.force_login(small_world.xela_officer)  # officer of Delegación Quetzaltenango only

    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    progress = response.context["progress"]
    assert progress.restricted
    # Quetzaltenango's 10·m people a month (1 + … + 12 = 78); Petén's 30 a month are not counted.
    assert subproduct_rows(progress)[SHELTERS].physical.accumulated == 10 * 78
    assert "Delegación Quetzaltenango" in response.content.decode()
    assert "Delegación Petén" not in response.content.decode()


def test_officer_does_not_see_subproducts_their_cost_centres_do_not_produce(small_world):
    small_world.xela.subproducts.remove(small_world.follow_up_reports)

    progress = plan_progress(
        institution=small_world.institution, year=2024, period=3, cost_centre_ids=[small_world.xela.pk]
    )

    assert {item.product.name: [s.name for s in item.subproducts] for item in progress.products} == {
        "Emisión de Documentos Migratorios": ["Pasaportes"],
        "Asistencia y Protección a las Personas Migrantes": [SHELTERS],
    }


@pytest.mark.parametrize("role", [Role.PLANNER, Role.DIRECTOR, Role.AUDITOR])
def test_readers_see_the_whole_institution(client, small_world, role):
    client.force_login(small_world.user(role))

    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    assert subproduct_rows(response.context["progress"])[SHELTERS].physical.accumulated == 10 * 78 + 30 * 12


def test_a_user_without_role_is_refused(client, small_world):
    client.force_login(UserFactory(role="", institution=small_world.institution))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    assert client.get(reverse("indicators:index")).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, small_world):
    response = client.get(reverse("monitoring:dashboard"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
