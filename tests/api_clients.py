"""API clients that authenticate with a token, as an institution's system or SEGEPLAN does."""

from rest_framework.test import APIClient

from accounts.services import api_token_create


def token_client(scope: str, client_name: str = "SEGEPLAN") -> APIClient:
    """A client of a new API token: scope ``read`` (every institution) or ``institution:<code>``."""
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {api_token_create(client_name=client_name, scope=scope).key}"
    )
    return client


def results(response) -> list[dict]:
    """The rows of a successful list response's page."""
    assert response.status_code == 200, response.content
    return response.json()["results"]
