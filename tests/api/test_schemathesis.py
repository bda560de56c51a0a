"""Property-based run of every operation in the live OpenAPI schema, through the WSGI app, with every
check schemathesis has (as ``st run --checks all``): no server error; statuses, content types, headers
and bodies as documented; what the schema forbids refused, what it allows accepted; the token
required. IGM's own system calls it (token ``institution:IGM``), 15 examples per operation.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from accounts.services import api_token_create
from igm_plan.wsgi import application


@pytest.fixture
def igm_key(igm) -> str:
    return api_token_create(client_name="Sistema IGM", scope=f"institution:{igm.code}").key


@pytest.fixture
def api_schema(igm_key):
    # As Django's test client does: closing "old" connections after each request would drop the
    # test's transaction on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    loaded = schemathesis.openapi.from_wsgi("/api/schema/", application)

    # Given as schemathesis auth, not as fixed headers: the cases that leave the token out on
    # purpose must reach the API without it (and be refused).
    @loaded.auth()
    class IgmToken:
        def get(self, case, context):
            return igm_key

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}

    yield loaded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_its_schema(case, igm_key):
    response = case.call_and_validate()
    # A 401 is documented, so the checks alone would not notice a run that never authenticated.
    if (case.headers or {}).get("Authorization") == f"Token {igm_key}":
        assert response.status_code != 401, response.text
