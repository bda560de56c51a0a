"""Requests without a valid, unrevoked token (or session) are refused with 401 in the error shape."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from accounts.services import api_token_create, api_token_revoke, token_digest

PLANS = "planning-api:plan-list"


def test_anonymous_request_is_401_with_the_token_challenge(db):
    response = APIClient().get(reverse(PLANS))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"] == {
        "code": "not_authenticated",
        "message": "Falta la credencial. Envíe la clave como `Authorization: Token <clave>`.",
    }


def test_a_bare_key_is_401_saying_to_add_the_token_prefix(db):
    issued = api_token_create(client_name="SEGEPLAN", scope="read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=issued.key)
    response = client.get(reverse(PLANS))
    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": "authentication_failed",
        "message": "Falta el prefijo «Token» antes de la clave. "
        "Envíe la clave como `Authorization: Token <clave>`.",
    }


def test_unknown_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token no-existe")
    response = client.get(reverse(PLANS))
    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": "authentication_failed",
        "message": "La clave del token no es válida.",
    }


def test_revoked_token_is_401_immediately(db):
    issued = api_token_create(client_name="SEGEPLAN", scope="read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.key}")
    assert client.get(reverse(PLANS)).status_code == 200
    api_token_revoke(prefix=issued.token.prefix)
    response = client.get(reverse(PLANS))
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "El token fue revocado."


def test_only_the_digest_of_the_key_is_stored(db):
    issued = api_token_create(client_name="SEGEPLAN", scope="read")
    stored = ApiToken.objects.get()
    assert stored.key_digest == token_digest(issued.key)
    assert issued.key not in {stored.key_digest, stored.prefix}


def test_a_known_token_is_not_looked_up_again(db):
    issued = api_token_create(client_name="SEGEPLAN", scope="read")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issued.key}")
    assert client.get(reverse(PLANS)).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(PLANS)).status_code == 200
    assert not [query for query in captured if 'FROM "accounts_apitoken"' in query["sql"]]
