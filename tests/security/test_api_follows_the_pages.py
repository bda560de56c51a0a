"""The API answers what the page answers: an officer of one cost centre reads no institution-wide
figures through it, and a planner cannot open another institution's edit form."""

import pytest
from django.urls import reverse

PAGE_REFUSED_API = [
    "/api/v1/siplan-report/?institution=INP&year=2024&period=1",
    "/api/v1/report-periods/?institution=INP&year=2024",
    "/api/v1/goals/",
    "/api/v1/reprogrammings/",
    "/api/v1/indicator-sheets/",
    "/api/v1/indicator-values/?institution=INP&year=2026&period=1",
    "/api/v1/budget-projections/",
    "/api/v1/plans/",
    "/api/v1/report-documents/",
]


@pytest.mark.parametrize("url", PAGE_REFUSED_API)
def test_an_officer_is_refused_what_the_pages_refuse(client, small_world, url):
    client.force_login(small_world.officer)

    response = client.get(url)

    assert response.status_code == 403, response.content
    assert response.json()["error"]["message"].startswith("Su rol no permite")


def test_an_officer_reads_only_their_cost_centres_execution(client, small_world):
    client.force_login(small_world.xela_officer)

    rows = client.get("/api/v1/executions/?page_size=100").json()["results"]
    centres = client.get("/api/v1/cost-centres/").json()["results"]

    assert {row["cost_centre_code"] for row in rows} == {"CC-02"}
    assert [centre["code"] for centre in centres] == ["CC-02"]


def test_a_planner_cannot_open_another_institutions_edit_form(client, small_world):
    client.force_login(small_world.planner)
    neighbour = small_world.neighbour.institution

    response = client.get(reverse("planning:institution_edit", args=[neighbour.pk]))

    assert response.status_code == 403
    assert neighbour.budget_code not in response.content.decode()
