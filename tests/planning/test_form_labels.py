"""Every input of the chain forms has an accessible name, including the per-year rows of a result."""

import pytest
from django.urls import reverse

from tests.accessibility import unnamed_controls
from tests.factories import ResultFactory


@pytest.mark.parametrize("page", ["result_create", "result_edit", "product_create", "plan_edit"])
def test_chain_form_inputs_are_named(client, small_world, page):
    plan = small_world.pom
    client.force_login(small_world.planner)
    if page == "result_edit":
        url = reverse("planning:result_edit", args=[ResultFactory(plan=plan).pk])
    elif page == "plan_edit":
        url = reverse("planning:plan_edit", args=[plan.pk])
    else:
        url = reverse(f"planning:{page}", args=[plan.pk])
    html = client.get(url).content.decode()
    assert unnamed_controls(html) == []


def test_result_year_statement_is_named_by_its_year(client, small_world):
    client.force_login(small_world.planner)
    html = client.get(reverse("planning:result_create", args=[small_world.pom.pk])).content.decode()
    assert 'aria-label="Enunciado 2028"' in html
