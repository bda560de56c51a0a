"""The goals grid and the POM matrices moved from /indicadores/ to /planificacion/: old links redirect."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/indicadores/metas/", "/planificacion/metas/"),
        ("/indicadores/planes/7/metas/", "/planificacion/planes/7/metas/"),
        ("/indicadores/planes/7/matrices.xlsx", "/planificacion/planes/7/matrices.xlsx"),
        ("/indicadores/planes/7/matrices.pdf", "/planificacion/planes/7/matrices.pdf"),
    ],
)
def test_old_address_redirects_permanently_to_the_new_one(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
