"""A logged-in user changes their password from the header's link: Spanish page, the configured
validators, the old password stops working, this session stays and the others end."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

NEW_PASSWORD = "Quetzal-Migracion-2031"


@pytest.fixture
def ana(db):
    return UserFactory(username="ana", first_name="Ana", last_name="López")


def change(client, old, new1, new2=None):
    data = {"old_password": old, "new_password1": new1, "new_password2": new2 or new1}
    return client.post(reverse("password_change"), data)


def test_the_header_links_to_the_page_which_asks_for_login(client, ana):
    assert client.get(reverse("password_change"))["Location"].startswith(reverse("login"))
    client.force_login(ana)
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("password_change")}">Cambiar contraseña</a>' in home
    assert f'href="{reverse("account")}">Mi cuenta</a>' in home
    page = client.get(reverse("password_change")).content.decode()
    for spanish in ("Cambiar contraseña", "Contraseña antigua", "Contraseña nueva", "al menos 8 caracteres"):
        assert spanish in page


def test_a_wrong_current_password_or_a_weak_new_one_is_refused_in_spanish(client, ana):
    client.force_login(ana)
    wrong = change(client, "no-es-la-mia", NEW_PASSWORD)
    assert wrong.status_code == 200
    assert "Su contraseña antigua es incorrecta" in wrong.content.decode()
    weak = change(client, TEST_PASSWORD, "12345678")
    text = weak.content.decode()
    assert "Esta contraseña es demasiado común" in text and "completamente numérica" in text
    mismatch = change(client, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert "Los dos campos de contraseña no coinciden" in mismatch.content.decode()
    ana.refresh_from_db()
    assert ana.check_password(TEST_PASSWORD)


def test_after_the_change_the_new_password_works_this_session_stays_and_others_end(client, ana):
    other_browser = Client()
    other_browser.force_login(ana)
    client.force_login(ana)

    response = change(client, TEST_PASSWORD, NEW_PASSWORD)
    assert response["Location"] == reverse("password_change_done")
    done = client.get(response["Location"])
    text = done.content.decode()
    assert "Su contraseña nueva ya está vigente" in text
    assert f'href="{reverse("home")}">Ir al inicio</a>' in text

    assert client.get(reverse("home")).status_code == 200
    assert other_browser.get(reverse("home"))["Location"].startswith(reverse("login"))
    ana.refresh_from_db()
    assert ana.check_password(NEW_PASSWORD) and not ana.check_password(TEST_PASSWORD)
    fresh = Client()
    assert fresh.post(reverse("login"), {"username": "ana", "password": TEST_PASSWORD}).status_code == 200
    assert fresh.post(reverse("login"), {"username": "ana", "password": NEW_PASSWORD}).status_code == 302
