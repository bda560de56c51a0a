"""The national page and API: filters, sorting, pagination, drill-down links, charts, and queries
that do not grow with the number of institutions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.models import PeriodReport
from seeding.synthetic import synthetic_build

PAGE = "/nacional/?year=2024&period=3"


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return [line.code for line in response.context["page"]]


def test_filters_search_and_sorting(client, igm, small_world):
    synthetic_build(institutions=3, code="NPF", products=2, subproducts=2, start_year=2024)
    PeriodReport.objects.create(institution=igm, year=2024, period=3, status=PeriodReport.Status.SIGNED)
    client.force_login(small_world.segeplan)
    assert _codes(client.get(PAGE + "&status=signed")) == ["IGM"]
    late = _codes(client.get(PAGE + "&status=late"))
    assert "IGM" not in late and {"INP", "NPF0001"} <= set(late)
    assert _codes(client.get(PAGE + "&q=migraci")) == ["IGM"]
    assert _codes(client.get(PAGE + "&q=npf")) == ["NPF0001", "NPF0002", "NPF0003"]
    lines = client.get(PAGE + "&ordering=-financial").context["page"].object_list
    figures = [line.financial_pct for line in lines if line.has_plan]
    assert figures == sorted(figures, reverse=True)
    in_band = client.get(PAGE + "&band=75-100").context["page"].object_list
    assert in_band and all(75 <= line.physical_pct < 100 for line in in_band)


def test_drill_down_links_and_charts(client, igm, small_world):
    client.force_login(small_world.segeplan)
    response = client.get(PAGE + "&q=IGM")
    html = response.content.decode()
    assert 'href="/reportes/IGM/2024/3/"' in html
    assert "/seguimiento/tablero/?institucion=IGM&amp;year=2024&amp;period=3" in html
    assert html.count("<svg") == 2 and "Instituciones por banda de avance físico" in html
    # The drill-down shows each product's figure without the cap.
    assert "91.20 %" in html


def test_pages_of_twenty_five(client, small_world):
    synthetic_build(institutions=30, code="NPP", products=1, subproducts=1, start_year=2024, execution=False)
    client.force_login(small_world.segeplan)
    first = client.get(PAGE + "&q=NPP")
    assert len(first.context["page"]) == 25 and first.context["page"].paginator.count == 30
    assert _codes(client.get(PAGE + "&q=NPP&pagina=2")) == [f"NPP{n:04d}" for n in range(26, 31)]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_page_and_api_queries_do_not_grow_with_the_institutions(client, small_world):
    client.force_login(small_world.segeplan)
    api = "/api/v1/national-progress/?year=2024&period=3"
    synthetic_build(institutions=2, code="NQP", products=3, subproducts=2, start_year=2024)
    two = (_queries(client, PAGE), _queries(client, api))
    synthetic_build(institutions=4, code="NQR", products=3, subproducts=2, start_year=2024)
    six = (_queries(client, PAGE), _queries(client, api))
    assert two == six


def test_the_count_of_institutions_reads_as_spanish(client, igm, small_world):
    client.force_login(small_world.segeplan)

    assert "1 institución con estos filtros" in client.get(PAGE + "&q=migraci").content.decode()
    many = client.get(PAGE).content.decode()
    assert "instituciones con estos filtros" in many and "instituciónes" not in many
