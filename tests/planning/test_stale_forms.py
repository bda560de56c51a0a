"""Edit forms carry the version they were read at: the second of two users editing the same record
is refused with what the first changed, keeps what they typed, and the first's value stays."""

import re

from django.urls import reverse

from planning.models import Institution, Plan, Subproduct

INPUT = r'<input type="(?:text|hidden|number|date|email)" name="([^"]+)" value="([^"]*)"'
SELECTED = r'<select name="([^"]+)"[^>]*>(?:(?!</select>).)*?<option value="([^"]*)"[^>]*selected'
TEXTAREA = r'<textarea name="([^"]+)"[^>]*>\s*([^<]*)</textarea>'


def _form_from(page: str) -> dict:
    """The form's fields as the page rendered them (what a browser would send unchanged)."""
    data = (
        dict(re.findall(INPUT, page))
        | dict(re.findall(SELECTED, page, re.S))
        | dict(re.findall(TEXTAREA, page))
    )
    assert "read_version" in data
    return data


def _form(client, url) -> dict:
    return _form_from(client.get(url).content.decode())


def test_the_second_plan_edit_is_refused_with_what_changed(client, small_world):
    plan = small_world.pom
    url = reverse("planning:plan_edit", args=[plan.pk])
    client.force_login(small_world.planner)
    read = _form(client, url)
    assert client.post(url, {**read, "name": "POM 2026-2030 (revisado)"}).status_code == 302

    response = client.post(url, {**read, "name": "POM segunda versión"})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{plan.name} → POM 2026-2030 (revisado)" in page
    assert small_world.planner.get_full_name() in page
    assert 'value="POM segunda versión"' in page
    assert Plan.objects.get(pk=plan.pk).name == "POM 2026-2030 (revisado)"

    # The refused page carries the current version: saving again is a deliberate overwrite.
    again = client.post(url, _form_from(page))
    assert again.status_code == 302
    assert Plan.objects.get(pk=plan.pk).name == "POM segunda versión"


def test_unchanged_record_saves_and_institution_without_history_names_no_one(client, small_world):
    institution = small_world.institution
    url = reverse("planning:institution_edit", args=[institution.pk])
    client.force_login(small_world.planner)
    read = _form(client, url)
    Institution.objects.filter(pk=institution.pk).update(phone="2411-2411")
    response = client.post(url, {**read, "head_name": "Otra Persona"})
    assert response.status_code == 200
    assert "otro usuario cambió estos datos" in response.content.decode()
    assert Institution.objects.get(pk=institution.pk).phone == "2411-2411"


def test_a_coverage_change_by_another_user_is_seen(client, small_world):
    subproduct = Subproduct.objects.filter(product__plan=small_world.pom).first()
    Subproduct.objects.filter(pk=subproduct.pk).update(is_national=True)
    url = reverse("planning:subproduct_edit", args=[subproduct.pk])
    client.force_login(small_world.planner)
    read = {**_form(client, url), "is_national": "on"}
    assert client.post(url, read).status_code == 302  # nothing changed since read: saved
    Subproduct.objects.filter(pk=subproduct.pk).update(name="Emisión revisada")
    response = client.post(url, {**read, "position": "9"})
    assert f"{subproduct.name} → Emisión revisada" in response.content.decode()
    assert Subproduct.objects.get(pk=subproduct.pk).position != 9
