"""Each client has its own request budget; going over it gives a clear 429 in Spanish."""

import pytest
from django.urls import reverse

from tests.api_clients import token_client


@pytest.fixture
def two_per_minute(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"api_client": "2/min"}}


def test_client_over_its_rate_gets_429_with_retry_after(two_per_minute, db):
    client = token_client("read")
    url = reverse("planning-api:plan-list")
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    error = response.json()["error"]
    assert error["code"] == "throttled"
    assert error["message"].startswith("Demasiadas solicitudes de este cliente. Intente de nuevo en ")


def test_one_clients_excess_does_not_throttle_another(two_per_minute, db):
    url = reverse("planning-api:plan-list")
    greedy = token_client("read", client_name="Codicioso")
    for _ in range(3):
        greedy.get(url)
    assert token_client("read", client_name="SEGEPLAN").get(url).status_code == 200
