"""Two people enter the same month: the second, read before the first saved, is refused with what
changed; the first's figures stay; saving again from the refusal is a deliberate overwrite."""

import re

from budget.models import Execution


def test_the_second_entry_of_a_month_is_refused_with_what_changed(small_world, client):
    client.force_login(small_world.officer)
    url = f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/"
    version = re.search(r'name="read_version" value="([^"]*)"', client.get(url).content.decode()).group(1)
    grid = {"physical_2": "", "financial_2": "", "notes_2": "", "read_version": version}
    first = grid | {"physical_1": "1,500", "financial_1": "2,000.00", "notes_1": ""}
    assert client.post(url, first).status_code == 302

    second = grid | {"physical_1": "1,450", "financial_1": "2,000.00", "notes_1": ""}
    response = client.post(url, second)
    page = response.content.decode()
    assert response.status_code == 422
    assert "S01 física: — → 1,500" in page
    assert 'value="1,450"' in page
    row = Execution.objects.get(cost_centre=small_world.central, subproduct=small_world.passports, month=3)
    assert row.physical == 1500

    again = dict(re.findall(r'<input [^>]*name="([^"]+)" value="([^"]*)"', page))
    assert client.post(url, second | {"read_version": again["read_version"]}).status_code == 302
    row.refresh_from_db()
    assert row.physical == 1450
