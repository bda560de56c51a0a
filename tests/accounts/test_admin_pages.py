"""The Django admin for reference data: every model's pages open, and they speak Spanish, history
included, with figures written as Guatemala writes them."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from budget.models import Execution
from tests.factories import ExecutionFactory


@pytest.fixture
def execution(db) -> Execution:
    execution = ExecutionFactory(financial=Decimal("102083.75"))
    execution.physical = 120
    execution._change_reason = "Carga n.º 7 «marzo.xlsx»"
    execution.save()
    return execution


@pytest.mark.parametrize(
    "model", sorted(admin.site._registry, key=lambda m: m._meta.label), ids=lambda m: m._meta.label
)
def test_every_admin_list_and_add_page_opens(admin_client, execution, model):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert admin_client.get(reverse(f"{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"{name}_add")).status_code in (200, 403)


def test_history_page_is_in_spanish_and_shows_who_and_why(admin_client, execution):
    page = admin_client.get(reverse("admin:budget_execution_history", args=[execution.pk])).content.decode()
    for spanish in ("Historial de cambios", "Tipo de cambio", "Modificado por", "Motivo del cambio"):
        assert spanish in page
    assert "Creado" in page
    assert "Carga n.º 7 «marzo.xlsx»" in page
    for english in ("Choose a date", "Changed by", "Change reason", ">Object<", ">Changes<"):
        assert english not in page


def test_execution_list_shows_codes_and_money_with_a_decimal_point(admin_client, execution):
    page = admin_client.get(reverse("admin:budget_execution_changelist")).content.decode()
    assert execution.cost_centre.code in page and execution.subproduct.code in page
    assert "102083.75" in page and "102083,75" not in page
