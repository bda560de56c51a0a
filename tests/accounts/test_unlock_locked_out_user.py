"""An administrator unlocks a locked-out user or address before the cool-off ends with django-axes'
commands, as the README's "Seguridad y respaldo" section says."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture
def ana(db):
    return UserFactory(username="ana")


def attempt(client, username, password, address="198.51.100.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_axes_reset_username_unlocks_the_user(client, ana):
    for n in range(5):
        attempt(client, "ana", f"mala-{n}")
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 429
    call_command("axes_reset_username", "ana", verbosity=0)
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 302


def test_axes_reset_ip_unlocks_an_address_locked_by_guesses_at_other_usernames(client, ana):
    for n in range(5):
        attempt(client, f"nadie-{n}", "cualquiera")
    call_command("axes_reset_username", "ana", verbosity=0)
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 429  # the address is still locked
    call_command("axes_reset_ip", "198.51.100.7", verbosity=0)
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 302


def test_the_admin_lists_lockouts_in_spanish_and_deleting_the_attempt_unlocks(client, ana, admin_client):
    for n in range(5):
        attempt(client, "ana", f"mala-{n}")
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "intentos fallidos de ingreso" in page.lower() and "Intentos fallidos" in page
    assert ">ana<" in page and "198.51.100.7" in page
    pk = AccessAttempt.objects.get(username="ana").pk
    admin_client.post(reverse("admin:axes_accessattempt_delete", args=[pk]), {"post": "yes"})
    assert attempt(client, "ana", TEST_PASSWORD).status_code == 302
