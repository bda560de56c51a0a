"""Who sees what on the dashboard: everything for readers, only their own cost centres for officers."""

import pytest
from django.urls import reverse

from accounts.models import Role
from monitoring.selectors import plan_progress
from tests.factories import UserFactory


def test_officer_sees_only_the_execution_of_their_cost_centres(client, small):
    client.force_login(small["users"][Role.OFFICER])  # officer of Delegación Norte only

    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    progress = response.context["progress"]
    people = progress.products[0].subproducts[0]
    assert progress.restricted
    assert people.physical.accumulated == 40 * 12  # Norte's 40 a month; Sur's 30 are not counted
    assert "Delegación Norte" in response.content.decode()
    assert "Delegación Sur" not in response.content.decode()


def test_officer_does_not_see_subproducts_their_cost_centres_do_not_produce(small):
    small["north"].subproducts.remove(small["reports"])

    progress = plan_progress(
        institution=small["institution"], year=2024, period=3, cost_centre_ids=[small["north"].pk]
    )

    assert [s.name for s in progress.products[0].subproducts] == ["Migrantes atendidos en albergues"]


@pytest.mark.parametrize("role", [Role.PLANNER, Role.DIRECTOR, Role.AUDITOR])
def test_readers_see_the_whole_institution(client, small, role):
    client.force_login(small["users"][role])

    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    people = response.context["progress"].products[0].subproducts[0]
    assert people.physical.accumulated == 70 * 12


def test_a_user_without_role_is_refused(client, small):
    client.force_login(UserFactory(role="", institution=small["institution"]))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    assert client.get(reverse("indicators:index")).status_code == 403


def test_officers_do_not_read_indicator_sheets(client, small):
    client.force_login(small["users"][Role.OFFICER])
    assert client.get(reverse("indicators:index")).status_code == 403
    assert client.get(reverse("indicators:sheet_pdf", args=[small["sheet"].pk])).status_code == 403


def test_sheets_of_another_institution_are_not_found(client, small, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    assert client.get(reverse("indicators:sheet_detail", args=[small["sheet"].pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, small):
    response = client.get(reverse("monitoring:dashboard"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
