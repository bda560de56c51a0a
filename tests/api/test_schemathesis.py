"""Property-based run of every operation in the live OpenAPI schema, through the WSGI app.

No server error and no response outside the documented statuses, content types and schemas.
Examples are bounded so the run stays short.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from igm_plan.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def api_schema(db):
    # As Django's test client does: closing "old" connections after each request would drop the
    # test's transaction on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def credentials(institution_client) -> dict:
    """The small world's Instituto de Prueba's own system, with its data to read and write."""
    return {"Authorization": institution_client._credentials["HTTP_AUTHORIZATION"]}


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_its_schema(case, credentials):
    case.call_and_validate(headers=credentials, checks=CHECKS)
