"""The server error page is Spanish and renders on its own (no request, no user, no database)."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_server_error_page_is_in_spanish():
    response = server_error(RequestFactory().get("/ejecucion/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Error del servidor" in page and "Server Error" not in page
