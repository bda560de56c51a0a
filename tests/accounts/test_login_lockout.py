"""Repeated wrong passwords lock the username and the address out for a cool-off (django-axes), with a
Spanish page; even the right password is refused until it ends."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

LOCKED = "Ingreso bloqueado temporalmente"


@pytest.fixture
def ana(db):
    return UserFactory(username="ana")


def attempt(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_forty_wrong_passwords_are_refused_then_the_right_one_too_until_the_cool_off_ends(
    client, ana, settings
):
    answers = [attempt(client, "ana", f"adivinanza-{n}").status_code for n in range(40)]
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    # The wrong-password form for the first four; the lockout page from the fifth on.
    assert answers == [200] * (limit - 1) + [429] * (40 - limit + 1)

    page = attempt(client, "ana", TEST_PASSWORD)
    assert page.status_code == 429 and not logged_in(client)
    text = page.content.decode()
    assert LOCKED in text
    assert "bloqueado durante <strong>15 minutos</strong>" in text
    assert "incluso la contraseña correcta" in text

    # Sixteen minutes later (the attempts are dated back): the cool-off is over.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    response = attempt(client, "ana", TEST_PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_the_cool_off_is_configurable(client, ana, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=2)
    for n in range(5):
        attempt(client, "ana", f"mala-{n}")
    assert (
        "bloqueado durante <strong>2 minutos</strong>"
        in attempt(client, "ana", TEST_PASSWORD).content.decode()
    )
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=3))
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 302


def test_a_username_is_locked_out_from_every_address(client, ana):
    for n in range(5):
        attempt(client, "ana", f"mala-{n}", REMOTE_ADDR="198.51.100.7")
    assert attempt(client, "ana", TEST_PASSWORD, REMOTE_ADDR="203.0.113.20").status_code == 429
    assert not logged_in(client)


def test_an_address_is_locked_out_for_every_username(client, ana):
    for n in range(5):
        attempt(client, f"nadie-{n}", "cualquiera", REMOTE_ADDR="198.51.100.7")
    assert attempt(client, "ana", TEST_PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert not logged_in(client)
    # Someone else, from another address, is not affected.
    assert attempt(client, "ana", TEST_PASSWORD, REMOTE_ADDR="203.0.113.20").status_code == 302


def test_a_successful_login_does_not_wipe_earlier_failures(client, ana):
    """Otherwise anyone with an account could keep guessing another's password from their address."""
    UserFactory(username="beto")
    for n in range(4):
        attempt(client, "ana", f"mala-{n}")
    assert attempt(client, "beto", TEST_PASSWORD).status_code == 302
    client.post(reverse("logout"))
    assert attempt(client, "ana", "mala-5").status_code == 429


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, ana, settings):
    """nginx appends the client's address to X-Forwarded-For; what the client sends before it is
    ignored, so changing it does not escape the lockout."""
    settings.IGM_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(5):
        forged = f"192.0.2.{n}, 198.51.100.7"
        attempt(client, f"nadie-{n}", "cualquiera", HTTP_X_FORWARDED_FOR=forged, **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    locked = attempt(client, "ana", TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert locked.status_code == 429
    # Another client through the same proxy still gets in.
    other = attempt(client, "ana", TEST_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.20", **proxy)
    assert other.status_code == 302


def test_the_admin_login_is_the_same_page_with_the_same_lockout(client, admin_user):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"
    # Posting passwords at the admin's address authenticates nobody.
    client.post("/admin/login/", {"username": admin_user.username, "password": "password"})
    assert not logged_in(client)
    for n in range(5):
        attempt(client, admin_user.username, f"mala-{n}")
    assert attempt(client, admin_user.username, "password").status_code == 429
    assert client.get("/admin/").status_code == 302 and not logged_in(client)
