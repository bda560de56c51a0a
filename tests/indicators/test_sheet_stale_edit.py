"""Two planners edit the same indicator sheet: the second, read before the first saved, is refused
with what changed and keeps what they typed; the first's name stays."""

import re

from django.urls import reverse

from indicators.models import IndicatorSheet
from tests.indicators.test_indicator_sheet_editing import sheet_post


def test_a_stale_sheet_edit_is_refused_with_what_changed(client, small_world):
    sheet = small_world.sheet
    url = reverse("indicators:sheet_edit", args=[sheet.pk])
    client.force_login(small_world.planner)
    page = client.get(url).content.decode()
    version = re.search(r'<input type="hidden" name="read_version" value="([^"]*)"', page).group(1)
    first = sheet_post(sheet.product_id, code=sheet.code, name="Nombre de la primera", read_version=version)
    assert client.post(url, first).status_code == 302

    second = sheet_post(sheet.product_id, code=sheet.code, name="Nombre de la segunda", read_version=version)
    response = client.post(url, second)
    body = response.content.decode()
    assert response.status_code == 200
    assert f"{sheet.name} → Nombre de la primera" in body
    assert 'value="Nombre de la segunda"' in body
    assert IndicatorSheet.objects.get(pk=sheet.pk).name == "Nombre de la primera"
