"""No query string makes a page fail: every page of the URL conf, asked with hostile values for every
parameter the pages read (``common.forms`` reads them all), answers without a server error.

The API's parameters are fuzzed from its schema (tests/api/test_schemathesis.py); its uncounted
pagination is checked here.
"""

import logging
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client

from tests.security.matrix import (
    ANONYMOUS,
    OFFICER,
    PLANNER,
    SUPERUSER,
    route_url,
    web_clients,
    web_routes,
    world_objects,
)
from tests.security.test_authorization_matrix import KWARG_KINDS, rule_of

# Every query parameter a page reads, by name. A page reading a new one adds it here (the test
# below finds it in the source).
QUERY_PARAMETERS = (
    "anio",
    "cuatrimestre",
    "institucion",
    "pagina",
    "historial",
    "resultado",
    "meta",
    "estado",
    "plan",
    "year",
    "period",
    "month",
    "next",
    "q",
    "status",
    "band",
    "ordering",
)
HOSTILE = (
    "9999999999999999999999999",
    "-5",
    "99999",
    "0",
    "diez",
    "",
    "ñandú ✓ 二〇二四",
    "1\x00",
    "1e3",
    "' OR 1=1 --",
)
# Reading a parameter: request.GET.get("x"), request.GET["x"], or a common.forms reader.
READS = re.compile(r'(?:GET\.get\(|GET\[|_from_query\(\s*request\.GET,\s*)"(\w+)"')
APPS = (
    "accounts",
    "planning",
    "budget",
    "monitoring",
    "indicators",
    "reporting",
    "common",
    "transparency",
    "national",
    "worklist",
    "notices",
)


def test_every_parameter_read_by_a_page_is_fuzzed():
    read = set()
    for app in APPS:
        for source in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "/api/" not in str(source):
                read |= set(READS.findall(source.read_text()))

    assert read - set(QUERY_PARAMETERS) == set()


def _reader(rule) -> str | None:
    for role in (PLANNER, OFFICER, SUPERUSER, ANONYMOUS):
        if role in rule.read:
            return role
    return None


def _url(route, rule, objects, **override) -> str:
    kwargs = {}
    for name in route.kwargs:
        kind = rule.objects.get(name) or (rule.kind if name == "pk" else None) or KWARG_KINDS[name]
        kwargs[name] = override.get(name, objects[kind])
    return route_url(route, kwargs)


@pytest.fixture
def quiet():
    logging.getLogger("django.request").setLevel(logging.CRITICAL)


def test_no_page_fails_on_hostile_query_parameters(small_world, igm, quiet):
    objects = world_objects(small_world, igm)["own"]
    clients = web_clients(small_world)
    failures, requests = [], 0
    for route in web_routes():
        rule = rule_of(route.key)
        role = _reader(rule)
        if route.key.startswith("admin:") or role is None:
            continue
        url = _url(route, rule, objects)
        # Files (PDF, spreadsheets) cost more to render: the three worst values are enough there.
        values = HOSTILE[:3] + HOSTILE[6:8] if re.search(r"\.(pdf|xlsx|<str:fmt>)", route.route) else HOSTILE
        for value in values:
            query = urlencode(dict.fromkeys(QUERY_PARAMETERS, value))
            response = clients[role].get(f"{url}?{query}")
            requests += 1
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {route.key} ?…={value!r} as {role}")
        if "year" in route.kwargs:
            for year in (99999, 0, 10**20):
                response = clients[role].get(_url(route, rule, objects, year=year))
                requests += 1
                if response.status_code >= 500:
                    failures.append(f"{response.status_code} {route.key} year={year} as {role}")
    print(f"\nParámetros hostiles: {requests} solicitudes")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/reportes/?anio=99999999999999999999", 200),
        ("/ejecucion/?anio=-5", 200),
        ("/ejecucion/tablero/?anio=99999", 200),
    ],
)
def test_an_impossible_year_reads_as_the_default_year(client, small_world, url, status):
    client.force_login(small_world.planner)

    assert client.get(url).status_code == status


@pytest.mark.parametrize("page", ["9999999999999999999999999", "0", "-1", "diez", "1\x00"])
def test_an_impossible_page_of_execution_totals_is_a_400_naming_the_parameter(read_client, small_world, page):
    response = read_client.get("/api/v1/execution-totals/", {"page": page})

    assert response.status_code == 400  # the schema declares page 1 to 2**31 - 1
    assert response.json()["error"]["fields"]["page"] == ["Debe ser un número entero entre 1 y 2147483647."]


def test_execution_totals_pages_still_follow_each_other(read_client, small_world):
    first = read_client.get("/api/v1/execution-totals/", {"page_size": 2, "institution": "INP"}).json()
    second = read_client.get(first["next"]).json()

    assert first["previous"] is None and second["previous"] is not None
    assert first["results"] != second["results"]


def test_anonymous_pages_survive_hostile_parameters_too(db, quiet):
    response = Client().get("/cuenta/ingresar/?" + urlencode({"next": "\x00" + "9" * 30}))

    assert response.status_code == 200
