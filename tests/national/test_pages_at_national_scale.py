"""SEGEPLAN's pages hold at national scale: lists come in pages and filter, the institution is chosen
(``?institucion=CODE``), and the SQL queries per page do not grow with the number of institutions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from seeding.synthetic import synthetic_build

PAGES = [
    "/nacional/?year=2024&period=3",
    "/planificacion/",
    "/planificacion/metas/",
    "/ejecucion/?anio=2024",
    "/ejecucion/cargas/",
    "/reportes/?anio=2024",
    "/seguimiento/tablero/?institucion=SCA0001&year=2024&period=2",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_per_page_are_the_same_for_two_and_six_institutions(client, small_world):
    client.force_login(small_world.segeplan)
    synthetic_build(institutions=2, code="SCA", products=2, subproducts=2, cost_centres=2, start_year=2024)
    two = {url: _queries(client, url) for url in PAGES}
    synthetic_build(institutions=4, code="SCB", products=2, subproducts=2, cost_centres=2, start_year=2024)
    six = {url: _queries(client, url) for url in PAGES}
    assert two == six


@pytest.mark.parametrize(
    "url",
    [
        "/ejecucion/?anio=2024&institucion=SCX0002",
        "/reportes/?anio=2024&institucion=SCX0002",
        "/ejecucion/cargas/?institucion=SCX0002",
    ],
)
def test_segeplan_chooses_the_institution(client, small_world, url):
    synthetic_build(institutions=3, code="SCX", products=1, subproducts=1, cost_centres=2, start_year=2024)
    client.force_login(small_world.segeplan)
    response = client.get(url)
    assert response.context["institution"].code == "SCX0002"
    html = response.content.decode()
    assert 'list="institution-codes"' in html and '<option value="SCX0003">' in html


def test_execution_months_list_only_the_chosen_institutions_centres_in_pages(client, small_world):
    synthetic_build(institutions=1, code="SCP", products=1, subproducts=1, cost_centres=30, start_year=2024)
    client.force_login(small_world.segeplan)
    first = client.get("/ejecucion/?anio=2024&institucion=SCP0001")
    centres = [row["cost_centre"] for row in first.context["grid"]]
    assert len(centres) == 25 and {c.institution.code for c in centres} == {"SCP0001"}
    second = client.get("/ejecucion/?anio=2024&institucion=SCP0001&pagina=2")
    assert len(second.context["grid"]) == 5


def test_the_plan_lists_search_and_page(client, small_world):
    synthetic_build(institutions=25, code="SCL", products=1, subproducts=1, start_year=2024, execution=False)
    client.force_login(small_world.segeplan)
    workspace = client.get("/planificacion/")
    assert (
        workspace.context["institutions"].paginator.count >= 27
        and len(workspace.context["institutions"]) == 20
    )
    assert [i.code for i in client.get("/planificacion/?q=SCL0025").context["institutions"]] == ["SCL0025"]
    goals = client.get("/planificacion/metas/?q=prueba")
    assert {plan.institution.code for plan in goals.context["plans"]} == {"INP"}
