"""The main menu reaches every page a role works with, and none of its links refuses that role."""

import re

import pytest
from django.test import Client

from accounts.models import Role
from tests.factories import UserFactory

ROLES = [Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR]


def _menu_links(page: str) -> list[str]:
    menu = re.search(r'<nav class="mainnav"[^>]*>(.*?)</nav>', page, re.S).group(1)
    return re.findall(r'href="([^"]+)"', menu)


@pytest.mark.parametrize("role", ROLES)
def test_menu_links_open_for_the_role(igm, role):
    client = Client()
    client.force_login(UserFactory(username=f"menu-{role}", role=role, institution=igm))
    links = _menu_links(client.get("/", follow=True).content.decode())
    assert "/seguimiento/informe-actividades/" in links
    for link in links:
        if link.startswith("/api/"):
            continue  # the API documentation is a static Swagger page
        assert client.get(link, follow=True).status_code == 200, link


def test_user_name_and_role_are_shown_apart(igm):
    client = Client()
    client.force_login(
        UserFactory(username="menu-jefa", role=Role.PLANNING_LEAD, institution=igm, first_name="Jessica")
    )
    page = client.get("/").content.decode()
    assert re.search(r'<span class="who">Jessica [^<]*<small>Jefatura de planificación</small></span>', page)
