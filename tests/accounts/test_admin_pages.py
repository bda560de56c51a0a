"""The Django admin for reference data: every model's pages open, and they speak Spanish, history
included, with figures written as Guatemala writes them."""

from decimal import Decimal

import pytest
from django.apps import apps
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


@pytest.mark.parametrize(
    "name", ["budget_execution", "budget_executionmonth", "budget_periodlock", "planning_goal"]
)
def test_workflow_records_cannot_be_added_changed_or_deleted_in_the_admin(admin_client, execution, name):
    """They change only through their services, which check locks, approvals and roles."""
    model = apps.get_model(*name.split("_", 1))
    assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 403
    record = model.objects.first()
    if record is None:
        return
    page = admin_client.get(reverse(f"admin:{name}_change", args=[record.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(reverse(f"admin:{name}_change", args=[record.pk]), {}).status_code == 403
    assert (
        admin_client.post(reverse(f"admin:{name}_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert model.objects.filter(pk=record.pk).exists()


def test_an_execution_cannot_be_reverted_from_its_history(admin_client, execution):
    first = execution.history.earliest()
    url = reverse("admin:budget_execution_simple_history", args=[execution.pk, first.history_id])
    admin_client.post(url, {"physical": first.physical})
    execution.refresh_from_db()
    assert execution.physical == 120
    assert 'name="_save"' not in admin_client.get(url).content.decode()
