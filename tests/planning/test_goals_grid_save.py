"""The goals grid is one form: every edited row saved at once, a stale grid refused with what changed."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.models import Goal, Plan, Subproduct


def _grid(client, plan):
    return client.get(reverse("planning:goals_grid", args=[plan.pk]))


def _form_data(body: str) -> dict:
    """Every input of the grid's form as the page rendered it (what a browser would send)."""
    return dict(re.findall(r'<input (?:type="hidden" )?name="([^"]+)" value="([^"]*)"', body))


def _post(client, plan, data):
    return client.post(reverse("planning:goals_grid", args=[plan.pk]), data)


def _subproduct(world, code="S1"):
    return Subproduct.objects.get(product__plan=world.pom, code=code)


def test_two_rows_edited_are_both_saved_with_the_reason(client, small_world):
    first, second = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk")[:2]
    client.force_login(small_world.planner)
    data = _form_data(_grid(client, small_world.pom).content.decode())
    data[f"s{first.pk}-physical_2027"] = "9,700"
    data[f"s{second.pk}-financial_2028"] = "Q 1,234.50"
    data[f"s{second.pk}-physical_2028"] = "12"
    data["reason"] = "Ajuste acordado con finanzas"
    response = _post(client, small_world.pom, data)
    assert response.status_code == 302
    assert Goal.objects.get(subproduct=first, year=2027).physical_current == 9700
    goal = Goal.objects.get(subproduct=second, year=2028)
    assert (goal.physical_current, goal.financial_current) == (12, Decimal("1234.50"))
    latest = goal.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        small_world.planner,
        "Ajuste acordado con finanzas",
    )


def test_the_second_users_stale_save_is_refused_with_what_changed(client, small_world, django_user_model):
    subproduct = _subproduct(small_world)
    stored = Goal.objects.get(subproduct=subproduct, year=2027).physical_current
    client.force_login(small_world.planner)
    stale = _form_data(_grid(client, small_world.pom).content.decode())
    first = dict(stale, **{f"s{subproduct.pk}-physical_2027": "9,700"})
    assert _post(client, small_world.pom, first).status_code == 302

    second = dict(stale, **{f"s{subproduct.pk}-physical_2027": "9,650"})
    response = _post(client, small_world.pom, second)
    body = response.content.decode()
    assert response.status_code == 409
    assert f"S1 meta física 2027: {stored:,} → 9,700" in body
    assert small_world.planner.get_full_name() in body
    assert 'value="9,650"' in body  # what the second user typed stays on the page
    assert Goal.objects.get(subproduct=subproduct, year=2027).physical_current == 9700

    # Saving again from the refused page is a deliberate overwrite of what was shown.
    again = _post(client, small_world.pom, _form_data(body))
    assert again.status_code == 302
    assert Goal.objects.get(subproduct=subproduct, year=2027).physical_current == 9650


def test_a_row_the_user_left_alone_keeps_the_other_users_change(client, small_world):
    edited, other = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk")[:2]
    client.force_login(small_world.planner)
    stale = _form_data(_grid(client, small_world.pom).content.decode())
    assert (
        _post(client, small_world.pom, dict(stale, **{f"s{other.pk}-physical_2026": "77"})).status_code == 302
    )
    response = _post(client, small_world.pom, dict(stale, **{f"s{edited.pk}-physical_2026": "55"}))
    assert response.status_code == 302
    assert Goal.objects.get(subproduct=other, year=2026).physical_current == 77
    assert Goal.objects.get(subproduct=edited, year=2026).physical_current == 55


def test_a_tampered_version_is_refused(client, small_world):
    subproduct = _subproduct(small_world)
    client.force_login(small_world.planner)
    data = _form_data(_grid(client, small_world.pom).content.decode())
    data.update({"read_version": "x", f"s{subproduct.pk}-physical_2026": "5"})
    assert _post(client, small_world.pom, data).status_code == 409
    assert Goal.objects.get(subproduct=subproduct, year=2026).physical_current == 1000


def test_approved_plan_refuses_and_keeps_the_goals(client, small_world):
    client.force_login(small_world.planner)
    data = _form_data(_grid(client, small_world.pom).content.decode())
    small_world.pom.status = Plan.Status.APPROVED
    small_world.pom.save()
    subproduct = _subproduct(small_world)
    response = _post(client, small_world.pom, dict(data, **{f"s{subproduct.pk}-physical_2026": "5"}))
    assert response.status_code == 403
    assert Goal.objects.get(subproduct=subproduct, year=2026).physical_current == 1000


def test_bad_figures_are_reported_and_every_typed_row_is_kept(client, small_world):
    first, second = Subproduct.objects.filter(product__plan=small_world.pom).order_by("pk")[:2]
    client.force_login(small_world.planner)
    data = _form_data(_grid(client, small_world.pom).content.decode())
    data.update({f"s{first.pk}-physical_2026": "-3", f"s{first.pk}-financial_2026": "abc"})
    data.update({f"s{first.pk}-physical_2027": "9", f"s{first.pk}-financial_2027": ""})
    data[f"s{second.pk}-physical_2026"] = "4,321"
    response = _post(client, small_world.pom, data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "no se guardó nada" in body
    assert 'value="abc"' in body and 'value="4,321"' in body
    assert "Escriba la meta física y la financiera de 2027" in body
    assert "data-unsaved-dirty" in body
    assert Goal.objects.get(subproduct=first, year=2027).physical_current == 1001


def test_director_cannot_save(client, small_world):
    client.force_login(small_world.planner)
    data = _form_data(_grid(client, small_world.pom).content.decode())
    client.force_login(small_world.director)
    subproduct = _subproduct(small_world)
    response = _post(client, small_world.pom, dict(data, **{f"s{subproduct.pk}-physical_2026": "5"}))
    assert response.status_code == 403
    assert Goal.objects.get(subproduct=subproduct, year=2026).physical_current == 1000


def test_findings_banner_links_each_finding_to_its_cell(client, small_world):
    subproduct = _subproduct(small_world)
    Goal.objects.filter(subproduct=subproduct, year=2026).update(financial_current=Decimal("1"))
    client.force_login(small_world.planner)
    body = _grid(client, small_world.pom).content.decode()
    links = re.findall(r'<li><a href="#(finding-[^"]+)">', body)
    assert links
    for anchor in links:
        assert f'id="{anchor}"' in body


def test_the_grid_page_and_a_one_row_save_take_a_fixed_number_of_queries(
    client, small_world, django_assert_max_num_queries, django_assert_num_queries
):
    """The editable page in a fixed number of queries (the bound IGM's POM is read in), and a save
    costs the goals it changes, not the rows it carries: the whole grid sent with one row changed
    costs what that row sent alone costs."""
    subproduct = _subproduct(small_world)
    cell = f"s{subproduct.pk}-physical_2026"
    client.force_login(small_world.planner)
    with django_assert_max_num_queries(35):
        data = _form_data(_grid(client, small_world.pom).content.decode())
    alone = {k: v for k, v in data.items() if k.startswith(f"s{subproduct.pk}-") or k == "read_version"}
    with CaptureQueriesContext(connection) as captured:
        assert _post(client, small_world.pom, dict(alone, **{cell: "5"})).status_code == 302
    one_row = len(captured)  # counted now: the next request clears the connection's query log
    assert one_row <= 35
    data = _form_data(_grid(client, small_world.pom).content.decode())
    with django_assert_num_queries(one_row):
        assert _post(client, small_world.pom, dict(data, **{cell: "6"})).status_code == 302
