"""Every input of the sheet form has an accessible name, including the rows of its two year tables."""

from django.urls import reverse

from tests.accessibility import unnamed_controls


def test_sheet_edit_form_inputs_are_named(client, small_world):
    client.force_login(small_world.planner)
    page = client.get(reverse("indicators:sheet_edit", args=[small_world.sheet.pk])).content.decode()
    assert unnamed_controls(page) == []
    assert 'aria-label="Valor (%), fila 1"' in page
    assert 'aria-label="Meta (absoluto), fila 2"' in page


def test_new_sheet_form_inputs_are_named(client, small_world):
    client.force_login(small_world.planner)
    page = client.get(reverse("indicators:sheet_create", args=[small_world.pom.pk])).content.decode()
    assert unnamed_controls(page) == []
