"""Planning staff create and edit every field of a sheet; nobody else may."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from indicators.models import IndicatorSheet
from indicators.services import indicator_sheet_save


def sheet_post(product_id, **overrides):
    return {
        "position": "",
        "code": "2",
        "name": "Porcentaje de documentos emitidos",
        "category": "PRODUCTO",
        "product": product_id,
        "associated_objective": "Objetivo",
        "public_policy": "PGG 2024-2028",
        "description": "Mide el porcentaje",
        "pertinence": "Pertinencia",
        "interpretation": "De 0 a 100 %",
        "formula_text": "Emitidos / programados",
        "numerator": "physical_executed",
        "denominator": "physical_current",
        "frequency": "Anual",
        "baseline_year": "2023",
        "baseline_value": "97.53",
        "trend_explanation": "Tendencia",
        "how_goal_is_reached": "Subdirección",
        "data_source": "Informes",
        "responsible_unit": "Estadística",
        "collection_method": "Mensual",
        "associated_production": "Producción",
        "technical_notes": "Notas",
        "report_code": "DTP5",
        "report_date": "Abril-2025",
        "values-TOTAL_FORMS": "2",
        "values-INITIAL_FORMS": "0",
        "values-0-year": "2026",
        "values-0-value": "100",
        "values-1-year": "2027",
        "values-1-value": "100",
        "target-unit": "Documento",
        "target-baseline_year": "2023",
        "target-baseline_absolute": "758200",
        "target-baseline_relative": "97.53",
        "target-total_absolute": "2519137",
        "target-total_relative": "100",
        "years-TOTAL_FORMS": "2",
        "years-INITIAL_FORMS": "0",
        "years-0-year": "2026",
        "years-0-absolute": "1225189",
        "years-0-relative": "100",
        "years-1-year": "2027",
        "years-1-absolute": "1293948",
        "years-1-relative": "100",
    } | overrides


def test_planner_creates_a_sheet_with_values_and_multiannual_row(client, small_world):
    client.force_login(small_world.planner)
    product = small_world.sheet.product
    response = client.post(
        reverse("indicators:sheet_create", args=[small_world.pom.pk]), sheet_post(product.pk)
    )

    sheet = IndicatorSheet.objects.get(plan=small_world.pom, code="2")
    assert response.status_code == 302
    assert sheet.position == 2
    assert sheet.technical_notes == "Notas" and sheet.report_code == "DTP5"
    assert sheet.baseline_value == Decimal("97.53")
    assert dict(sheet.values.values_list("year", "value")) == {
        2026: Decimal("100.00"),
        2027: Decimal("100.00"),
    }
    assert sheet.multiannual_target.total_absolute == Decimal("2519137.00")
    assert list(sheet.multiannual_target.years.values_list("year", "absolute")) == [
        (2026, Decimal("1225189.00")),
        (2027, Decimal("1293948.00")),
    ]


def test_editing_replaces_the_yearly_values_and_can_drop_the_multiannual_row(client, small_world):
    client.force_login(small_world.planner)
    sheet = small_world.sheet
    data = sheet_post(sheet.product_id, code="1", name="Nuevo nombre", **{"values-0-year": "2030"})
    data.update({key: "" for key in data if key.startswith("target-")})  # no multiannual row
    data.update({"years-TOTAL_FORMS": "0"})

    response = client.post(reverse("indicators:sheet_edit", args=[sheet.pk]), data)

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.name == "Nuevo nombre"
    assert sorted(sheet.values.values_list("year", flat=True)) == [2027, 2030]
    assert not hasattr(sheet, "multiannual_target")


def test_a_repeated_year_is_refused_with_a_clear_message_and_nothing_saved(client, small_world):
    client.force_login(small_world.planner)
    data = sheet_post(small_world.sheet.product_id, **{"values-1-year": "2026"})

    response = client.post(reverse("indicators:sheet_create", args=[small_world.pom.pk]), data)

    assert response.status_code == 200
    assert "El año 2026 aparece más de una vez." in response.content.decode()
    assert not IndicatorSheet.objects.filter(plan=small_world.pom, code="2").exists()


def test_a_half_filled_multiannual_row_is_refused(client, small_world):
    client.force_login(small_world.planner)
    data = sheet_post(small_world.sheet.product_id, **{"target-total_absolute": ""})

    response = client.post(reverse("indicators:sheet_create", args=[small_world.pom.pk]), data)

    assert "Complete este dato o deje toda la fila multianual en blanco." in response.content.decode()


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR, Role.OFFICER])
def test_only_planning_staff_may_edit(client, small_world, role):
    client.force_login(small_world.user(role))
    sheet = small_world.sheet
    assert client.get(reverse("indicators:sheet_edit", args=[sheet.pk])).status_code == 403
    response = client.post(
        reverse("indicators:sheet_create", args=[small_world.pom.pk]), sheet_post(sheet.product_id)
    )
    assert response.status_code == 403
    assert IndicatorSheet.objects.filter(plan=small_world.pom).count() == 1


def test_service_refuses_a_product_of_another_plan(small_world):
    with pytest.raises(ValidationError):
        indicator_sheet_save(
            plan=small_world.pom,
            sheet=small_world.sheet,
            fields={"product": small_world.assistance},  # belongs to the POA 2024
            values={},
            target=None,
            target_years={},
            user=small_world.planner,
        )


def test_planner_deletes_a_sheet_and_a_director_cannot(client, small_world):
    sheet = small_world.sheet
    client.force_login(small_world.director)
    assert client.post(reverse("indicators:sheet_remove", args=[sheet.pk])).status_code == 403
    client.force_login(small_world.planner)
    assert client.get(reverse("indicators:sheet_remove", args=[sheet.pk])).status_code == 405
    response = client.post(reverse("indicators:sheet_remove", args=[sheet.pk]))
    assert response.status_code == 302
    assert not IndicatorSheet.objects.filter(pk=sheet.pk).exists()
