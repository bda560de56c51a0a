"""An approved plan's indicator sheets stay as approved: services and pages refuse, drafts still edit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.models import IndicatorSheet, IndicatorSheetValue
from indicators.services import indicator_sheet_delete, indicator_sheet_save
from planning.models import Plan
from tests.indicators.test_indicator_sheet_editing import sheet_post

REFUSAL = "El plan «POM 2026-2030» está aprobado: sus fichas técnicas quedan como se aprobaron."
NOTE = "sus fichas técnicas quedan como se aprobaron y ya no se editan"


@pytest.fixture
def approved(small_world):
    pom = small_world.pom
    pom.status = Plan.Status.APPROVED
    pom.approval_act = "Acuerdo AMN 001-2025"
    pom.approval_date = datetime.date(2025, 4, 30)
    pom.save()
    return small_world


def _sheet_state(sheet: IndicatorSheet):
    """What an edit could change: the sheet's row, its yearly values and the plan's sheet count."""
    fresh = IndicatorSheet.objects.get(pk=sheet.pk)
    values = list(IndicatorSheetValue.objects.filter(sheet=sheet).values_list("year", "value"))
    return (
        fresh.name,
        fresh.code,
        fresh.baseline_value,
        values,
        IndicatorSheet.objects.filter(plan=sheet.plan).count(),
    )


def test_services_refuse_to_create_edit_or_delete_a_sheet_of_an_approved_plan(approved):
    sheet, planner = approved.sheet, approved.planner
    before = _sheet_state(sheet)
    for target in (sheet, None):
        with pytest.raises(ValidationError) as refused:
            indicator_sheet_save(
                plan=approved.pom,
                sheet=target,
                fields={"code": "9", "name": "Otro nombre"},
                values={2027: 50},
                target=None,
                target_years={},
                user=planner,
            )
        assert refused.value.messages == [REFUSAL]
        assert refused.value.error_list[0].code == "plan_approved"
    with pytest.raises(ValidationError, match="está aprobado"):
        indicator_sheet_delete(sheet=sheet, user=planner)
    assert _sheet_state(sheet) == before


def test_posting_to_the_pages_of_an_approved_plan_shows_the_refusal_and_changes_nothing(client, approved):
    sheet = approved.sheet
    client.force_login(approved.planner)
    before = _sheet_state(sheet)

    edit = client.post(
        reverse("indicators:sheet_edit", args=[sheet.pk]), sheet_post(sheet.product_id, name="Otro nombre")
    )
    create = client.post(
        reverse("indicators:sheet_create", args=[approved.pom.pk]), sheet_post(sheet.product_id, code="2")
    )
    remove = client.post(reverse("indicators:sheet_remove", args=[sheet.pk]), follow=True)

    assert edit.status_code == 200 and REFUSAL in edit.content.decode()
    assert create.status_code == 200 and REFUSAL in create.content.decode()
    assert remove.redirect_chain == [(reverse("indicators:sheet_detail", args=[sheet.pk]), 302)]
    assert REFUSAL in remove.content.decode()
    assert _sheet_state(sheet) == before


def test_pages_of_an_approved_plan_offer_no_edit_and_say_why(client, approved):
    sheet = approved.sheet
    client.force_login(approved.planner)

    index = client.get(reverse("indicators:index"), {"plan": approved.pom.pk}).content.decode()
    detail = client.get(reverse("indicators:sheet_detail", args=[sheet.pk])).content.decode()
    form = client.get(reverse("indicators:sheet_edit", args=[sheet.pk])).content.decode()

    for page in (index, detail, form):
        assert NOTE in page and "Acuerdo AMN 001-2025" in page
    assert reverse("indicators:sheet_create", args=[approved.pom.pk]) not in index
    assert reverse("indicators:sheet_edit", args=[sheet.pk]) not in index + detail
    assert "Guardar ficha" not in form and reverse("indicators:sheet_remove", args=[sheet.pk]) not in form
    assert "<fieldset disabled>" in form


def test_a_draft_plan_still_offers_and_accepts_edits(client, small_world):
    sheet = small_world.sheet
    client.force_login(small_world.planner)

    index = client.get(reverse("indicators:index"), {"plan": small_world.pom.pk}).content.decode()
    response = client.post(
        reverse("indicators:sheet_edit", args=[sheet.pk]), sheet_post(sheet.product_id, name="Otro nombre")
    )

    assert NOTE not in index
    assert reverse("indicators:sheet_edit", args=[sheet.pk]) in index
    assert reverse("indicators:sheet_create", args=[small_world.pom.pk]) in index
    assert response.status_code == 302
    assert IndicatorSheet.objects.get(pk=sheet.pk).name == "Otro nombre"
