"""Refusals and missing pages answer in Spanish, inside the application's layout."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from accounts.models import Role


@pytest.fixture
def director_client(client, igm_user):
    """A browser session of IGM's director."""
    client.force_login(igm_user(Role.DIRECTOR))
    return client


def test_refusal_page_states_the_reason_in_spanish(director_client):
    response = director_client.get("/planificacion/instituciones/nueva/")
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Acceso no permitido" in page
    assert "Solo el personal de planificación puede modificar la institución." in page
    assert "Forbidden" not in page


def test_refusal_without_a_reason_gives_a_generic_spanish_message(director_client):
    # The officers' deviation page refuses other roles with a bare PermissionDenied.
    response = director_client.get("/reportes/desviaciones/")
    assert response.status_code == 403
    assert "Su usuario no tiene permiso para ver esta página" in response.content.decode()


def test_missing_page_is_a_spanish_404_with_the_navigation(director_client):
    response = director_client.get("/planificacion/no-existe/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Página no encontrada" in page
    assert "Not Found" not in page
    assert 'href="/planificacion/"' in page


def test_missing_api_resource_keeps_the_api_error_shape(director_client):
    response = director_client.get("/api/v1/no-existe/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_server_error_page_is_spanish_and_standalone():
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert '<html lang="es">' in page
    assert "Error del servidor" in page


def test_server_error_view_answers_500_in_spanish():
    response = server_error(RequestFactory().get("/ejecucion/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Error del servidor" in page and "Server Error" not in page
