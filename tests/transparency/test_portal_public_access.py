"""Public pages need no login, are cached for a short time, are rate-limited with a Spanish 429
page, keep their query counts fixed, and are built to be read: Spanish, skip link, captions."""

import re

import pytest
from django.core.cache import cache

from accounts.models import Role
from tests.transparency.conftest import months_approve

PUBLIC = (
    "/transparencia/",
    "/transparencia/IGM/",
    "/transparencia/IGM/ejecucion/2024/3/",
    "/transparencia/IGM/datos/",
    "/transparencia/IGM/datos/ejecucion.csv",
    "/transparencia/verificar/",
)


@pytest.mark.parametrize("path", PUBLIC)
def test_pages_open_without_an_account(client, igm, path):
    response = client.get(path)
    assert response.status_code == 200, path


def test_a_second_visit_is_served_from_the_cache(client, igm, django_assert_num_queries):
    first = client.get("/transparencia/IGM/")
    with django_assert_num_queries(0):
        second = client.get("/transparencia/IGM/")
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"


def test_an_approved_month_shows_once_the_cached_page_expires(client, igm, igm_user, settings):
    page = client.get("/transparencia/IGM/").content.decode()
    assert "No hay meses de ejecución aprobados" in page
    months_approve(igm, igm_user(Role.PLANNING_LEAD), igm_user(Role.PLANNER), (1,))
    assert client.get("/transparencia/IGM/").content.decode() == page  # within the cache time
    cache.clear()  # the cached page expires
    assert "/transparencia/IGM/ejecucion/2024/1/" in client.get("/transparencia/IGM/").content.decode()


def test_too_many_requests_get_a_spanish_429(client, igm, settings):
    settings.IGM_PORTAL_RATE = 3
    for _ in range(3):
        assert client.get("/transparencia/").status_code == 200
    response = client.get("/transparencia/IGM/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Demasiadas solicitudes" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/transparencia/", 2),
        ("/transparencia/IGM/", 8),
        ("/transparencia/IGM/ejecucion/2024/3/", 12),
        ("/transparencia/IGM/datos/", 8),
        ("/transparencia/IGM/datos/metas.csv", 2),
        ("/transparencia/IGM/datos/ejecucion.json", 9),
        ("/transparencia/IGM/datos/reportes.xlsx", 2),
    ],
)
def test_query_counts_do_not_grow_with_the_data(
    client, published, settings, django_assert_max_num_queries, path, most
):
    settings.IGM_PORTAL_CACHE_SECONDS = 0
    with django_assert_max_num_queries(most):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path", ["/transparencia/", "/transparencia/IGM/", "/transparencia/IGM/ejecucion/2024/3/"]
)
def test_pages_are_spanish_with_a_skip_link_and_table_captions(client, published, path):
    page = client.get(path).content.decode()
    assert '<html lang="es">' in page
    assert '<a class="skip-link" href="#contenido">' in page and 'id="contenido"' in page
    assert page.count("<h1") == 1
    assert page.count("<table") == page.count("<caption>")
    for table in re.findall(r"<table.*?</table>", page, re.S):
        assert '<div class="table-scroll"><table' in page[: page.index(table) + 40]
    assert "Salir" not in page and "Mi cuenta" not in page  # no staff menu
