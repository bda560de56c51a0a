import pytest
from django.urls import reverse

from accounts.models import Role


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("indicators:index", {}),
        ("monitoring:dashboard", {}),
        ("monitoring:activity", {}),
    ],
)
def test_pages_render_for_the_planner(client, small, name, kwargs):
    client.force_login(small["users"][Role.PLANNER])
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
