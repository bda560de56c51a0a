"""Tables wider than a laptop screen scroll inside their own box, not the whole page."""

import re

import pytest
from django.test import Client

from accounts.models import Role
from planning.models import Plan
from tests.factories import UserFactory


@pytest.fixture
def director_client(igm):
    client = Client()
    client.force_login(UserFactory(username="dir-tablas", role=Role.DIRECTOR, institution=igm))
    return client


def _scrolls(page: str, table_start: str) -> bool:
    return re.search(r'<div class="table-scroll">\s*' + re.escape(table_start), page) is not None


def test_dashboard_table_scrolls_in_its_box(director_client):
    page = director_client.get("/seguimiento/tablero/?year=2024&period=3").content.decode()
    assert _scrolls(page, '<table class="table dash" id="dashboard-table">')


def test_multiannual_indicator_table_scrolls_in_its_box(director_client, igm):
    plan = Plan.objects.get(institution=igm, name="Plan Operativo Multianual 2026-2030")
    page = director_client.get(f"/indicadores/planes/{plan.pk}/indicadores-multianual/").content.decode()
    assert _scrolls(page, '<table class="table multiannual">')
