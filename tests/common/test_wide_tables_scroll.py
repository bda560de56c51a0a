"""Tables wider than a laptop screen scroll inside their own box, not the whole page."""

import re

from accounts.models import Role


def _scrolls(page: str, table_start: str) -> bool:
    return re.search(r'<div class="table-scroll"[^>]*>\s*' + re.escape(table_start), page) is not None


def test_dashboard_table_scrolls_in_its_box(client, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    page = client.get("/seguimiento/tablero/?year=2024&period=3").content.decode()
    assert _scrolls(page, '<table class="table dash" id="dashboard-table">')


def test_multiannual_indicator_table_scrolls_in_its_box(client, igm_user, igm_pom):
    assert igm_pom.name == "Plan Operativo Multianual 2026-2030"
    client.force_login(igm_user(Role.DIRECTOR))
    page = client.get(f"/indicadores/planes/{igm_pom.pk}/indicadores-multianual/").content.decode()
    assert _scrolls(page, '<table class="table multiannual">')
