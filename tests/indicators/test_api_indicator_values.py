"""Indicator values computed from execution, through the API, match the SIPLAN reference."""

from decimal import Decimal

from django.urls import reverse

from tests.api_clients import token_client


def test_igm_2024_third_period_values_are_the_reference_percentages(igm):
    response = token_client("read").get(
        reverse("indicators-api:indicator-values"), {"institution": "IGM", "year": 2024, "period": 3}
    )
    assert response.status_code == 200, response.content
    values = {row["name"]: row for row in response.json()}
    # "% de Avance acumulado al 3er cuatrimestre", physical, of each product in the reference report.
    assert Decimal(values["Porcentaje de asistencia y protección de migrantes"]["value"]) == Decimal("76.96")
    assert Decimal(values["Porcentaje de documentos migratorios emitidos"]["value"]) == Decimal("95.81")
    assert Decimal(values["Porcentaje de documentos de extranjería"]["value"]) == Decimal("93.24")
    assert Decimal(values["Porcentaje de cobertura de control migratorio"]["value"]) == Decimal("91.20")
    assert values["Porcentaje de asistencia y protección de migrantes"]["light"] == "amarillo"
    assert values["Porcentaje de cobertura de control migratorio"]["light"] == "verde"


def test_another_institutions_token_gets_404(igm):
    from tests.factories import InstitutionFactory

    InstitutionFactory(code="OTRA")
    response = token_client("institution:OTRA", client_name="Otra").get(
        reverse("indicators-api:indicator-values"), {"institution": "IGM", "year": 2024, "period": 3}
    )
    assert response.status_code == 404
