"""A browser session unused for IGM_SESSION_IDLE_MINUTES (30) ends, and the login page says why; the
session is written at most once a minute, and API token requests get no session at all."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.security import LAST_ACTIVITY_KEY
from accounts.services import api_token_create
from tests.factories import UserFactory

IDLE_MESSAGE = "Su sesión se cerró porque pasaron más de %s minutos sin actividad."


@pytest.fixture
def ana(db):
    return UserFactory(username="ana")


def last_active(client, minutes_ago: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time() - minutes_ago * 60)
    session.save()


def test_thirty_one_idle_minutes_end_the_session_with_a_spanish_message(client, ana, settings):
    assert settings.IGM_SESSION_IDLE_MINUTES == 30
    client.force_login(ana)
    last_active(client, 31)
    response = client.get(reverse("planning:index") + "?x=1")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/planificacion/%3Fx%3D1"
    login_page = client.get(response["Location"]).content.decode()
    assert IDLE_MESSAGE % 30 in login_page
    assert "_auth_user_id" not in client.session
    # The next request is anonymous too: the session is over, not just this response.
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))


def test_twenty_nine_idle_minutes_keep_the_session_and_count_as_activity(client, ana):
    client.force_login(ana)
    last_active(client, 29)
    assert client.get(reverse("home")).status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5


def test_the_idle_limit_is_configurable(client, ana, settings):
    settings.IGM_SESSION_IDLE_MINUTES = 5
    client.force_login(ana)
    last_active(client, 6)
    response = client.get(reverse("home"))
    assert response["Location"].startswith(reverse("login"))
    assert IDLE_MESSAGE % 5 in client.get(response["Location"]).content.decode()


def test_activity_is_written_at_most_once_a_minute_not_on_every_request(client, ana):
    client.force_login(ana)
    stamp = client.session[LAST_ACTIVITY_KEY]
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get(reverse("home")).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"] and q["sql"].startswith("UPDATE")]
    assert client.session[LAST_ACTIVITY_KEY] == stamp


def test_an_idle_browser_session_on_the_api_ends_without_a_redirect(client, ana):
    client.force_login(ana)
    last_active(client, 31)
    response = client.get("/api/v1/institutions/")
    assert response.status_code in (401, 403)
    assert response.json()["error"]["code"] in ("not_authenticated", "authentication_failed")
    assert "_auth_user_id" not in client.session


def test_api_token_requests_get_no_session(client, igm):
    issued = api_token_create(client_name="SEGEPLAN", scope="read")
    response = client.get("/api/v1/institutions/", HTTP_AUTHORIZATION=f"Token {issued.key}")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
