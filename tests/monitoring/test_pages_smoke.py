"""The monitoring pages open for planning staff."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("name", ["monitoring:dashboard", "monitoring:activity"])
def test_pages_render_for_the_planner(client, small_world, name):
    client.force_login(small_world.planner)
    response = client.get(reverse(name))
    assert response.status_code == 200
