"""Who sees which lines: SEGEPLAN every institution, an institution's staff their own line only,
on the page and in the API; SEGEPLAN starts at the national view."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.api_clients import results, token_client
from tests.factories import UserFactory

PAGE = "/nacional/?year=2024&period=2"
API = "/api/v1/national-progress/?year=2024&period=2"


def page_codes(client) -> set[str]:
    response = client.get(PAGE)
    assert response.status_code == 200
    return {line.code for line in response.context["page"]}


def test_segeplan_sees_every_institution(client, igm, small_world):
    client.force_login(small_world.segeplan)
    assert {"IGM", "INP", small_world.neighbour.institution.code} <= page_codes(client)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.PLANNER, Role.AUDITOR, Role.DIRECTOR])
def test_an_institutions_staff_see_their_own_line_only(client, igm, small_world, role):
    client.force_login(small_world.user(role))
    assert page_codes(client) == {"INP"}
    client.force_login(small_world.neighbour.officer)
    assert page_codes(client) == {small_world.neighbour.institution.code}


def test_an_officer_reads_only_their_line_in_the_api(client, igm, small_world):
    client.force_login(small_world.officer)
    assert [line["institution_code"] for line in results(client.get(API))] == ["INP"]
    # Asking for another institution by name finds nothing.
    assert results(client.get(API + "&q=IGM")) == []


def test_api_tokens_follow_their_scope(igm, small_world):
    everything = {line["institution_code"] for line in results(token_client("read").get(API))}
    assert {"IGM", "INP"} <= everything
    own = results(token_client("institution:INP", client_name="Sistema INP").get(API))
    assert [line["institution_code"] for line in own] == ["INP"]


def test_the_api_answers_bad_filters_in_the_error_shape(client, small_world):
    client.force_login(small_world.segeplan)
    response = client.get("/api/v1/national-progress/?period=7&status=perdido")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and {"period", "status"} <= set(error["fields"])


def test_segeplan_starts_at_the_national_view_and_the_auditor_reaches_it_from_the_menu(client, small_world):
    client.force_login(small_world.segeplan)
    assert client.get("/").url == reverse("national:index")
    for user in (small_world.auditor, small_world.planner):
        client.force_login(user)
        home = client.get("/")
        assert home.status_code == 200
        assert f'href="{reverse("national:index")}"' in home.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/nacional/").status_code == 302
    assert client.get("/api/v1/national-progress/").status_code in (401, 403)


def test_an_auditor_of_no_one_institution_starts_at_the_national_view_and_reads_every_line(
    client, igm, small_world
):
    comptroller = UserFactory(username="contraloria", role=Role.AUDITOR, institution=None)
    client.force_login(comptroller)

    assert client.get("/").url == reverse("national:index")
    assert {"IGM", "INP", small_world.neighbour.institution.code} <= page_codes(client)
