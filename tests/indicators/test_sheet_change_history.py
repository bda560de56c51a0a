"""An indicator sheet's page shows who changed the sheet and its yearly values, when and why."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Role
from indicators.models import IndicatorSheetValue
from indicators.services import indicator_sheet_save
from tests.change_history import history_rows

pytestmark = pytest.mark.django_db


def save_sheet(small_world, *, values, **fields):
    return indicator_sheet_save(
        plan=small_world.pom,
        sheet=small_world.sheet,
        fields=fields,
        values=values,
        target=None,
        target_years={},
        user=small_world.planner,
    )


def sheet_rows(client, small_world, role, **query) -> list[str]:
    client.force_login(small_world.user(role))
    response = client.get(reverse("indicators:sheet_detail", args=[small_world.sheet.pk]), query)
    assert response.status_code == 200
    return history_rows(response.content.decode())


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.DIRECTOR, Role.PLANNER])
def test_readers_see_a_change_of_the_sheet_and_of_its_values(client, small_world, role):
    planner = str(small_world.planner)
    save_sheet(
        small_world,
        name="Porcentaje de personas migrantes asistidas",
        frequency="Cuatrimestral",
        values={2026: Decimal("95.50"), 2027: Decimal("100")},
    )

    rows = sheet_rows(client, small_world, role)

    (sheet_change,) = [row for row in rows if "Nombre del indicador" in row]
    assert f"{planner} Edición de la ficha técnica" in sheet_change
    assert (
        "Nombre del indicador: Porcentaje de documentos migratorios emitidos"
        " → Porcentaje de personas migrantes asistidas" in sheet_change
    )
    assert "Frecuencia de medición: Anual → Cuatrimestral" in sheet_change
    assert any("Valor 2026" in row and "Valor: 100 → 95.50" in row for row in rows)
    assert any("Valor 2027" in row and "Valor: — → 100" in row for row in rows)


def test_saving_unchanged_values_adds_no_version_of_them(small_world):
    save_sheet(small_world, values={2026: Decimal("100.00")})
    save_sheet(small_world, values={2026: Decimal("100")})

    assert IndicatorSheetValue.history.filter(sheet_id=small_world.sheet.pk).count() == 1


def test_a_removed_year_shows_the_value_it_had(client, small_world):
    save_sheet(small_world, values={})

    rows = sheet_rows(client, small_world, Role.AUDITOR)

    assert any("Valor 2026" in row and "Valor: 100 → —" in row for row in rows)


def test_history_pages_keep_the_chosen_year_and_period(client, small_world):
    for n in range(21):
        save_sheet(small_world, values={2026: Decimal(n)})
    client.force_login(small_world.auditor)

    page = client.get(
        reverse("indicators:sheet_detail", args=[small_world.sheet.pk]), {"year": 2024, "period": 2}
    ).content.decode()

    assert 'href="?year=2024&amp;period=2&amp;historial=2#historial"' in page
