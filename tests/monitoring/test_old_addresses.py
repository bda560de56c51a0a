"""The dashboard and the activity report moved from /indicadores/ to /seguimiento/: the old
addresses redirect permanently, query string included."""

import pytest


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/indicadores/tablero/?year=2024&period=3", "/seguimiento/tablero/?year=2024&period=3"),
        ("/indicadores/tablero/tablero.pdf?year=2024", "/seguimiento/tablero/tablero.pdf?year=2024"),
        ("/indicadores/informe-actividades/?month=1", "/seguimiento/informe-actividades/?month=1"),
        ("/indicadores/informe-actividades/informe.pdf", "/seguimiento/informe-actividades/informe.pdf"),
        ("/indicadores/informe-actividades/logros/nuevo/", "/seguimiento/informe-actividades/logros/nuevo/"),
        ("/indicadores/informe-actividades/logros/7/", "/seguimiento/informe-actividades/logros/7/"),
        ("/indicadores/informe-actividades/fotos/7/", "/seguimiento/informe-actividades/fotos/7/"),
    ],
)
def test_old_address_redirects_permanently(client, db, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new
