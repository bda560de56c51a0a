"""The dashboard's rows are written in Python (monitoring/templatetags/progress.py): names from users
are escaped there, and every product and subproduct keeps its two lines."""

import re

from django.urls import reverse

from accounts.models import Role


def test_names_and_units_from_users_are_escaped(client, small_world):
    passports = small_world.passports
    passports.name = '<script>alert("x")</script> Pasaportes & visas'
    passports.unit = "<b>Documento</b>"
    passports.save()
    client.force_login(small_world.user(Role.PLANNER))

    page = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3}).content.decode()

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Pasaportes &amp; visas" in page
    assert "&lt;b&gt;Documento&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>Documento" not in page


def test_every_product_and_subproduct_has_a_physical_and_a_financial_line(client, small_world):
    client.force_login(small_world.user(Role.PLANNER))

    page = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3}).content.decode()

    passports = f'data-row="subproduct-{small_world.passports.pk}"'
    lines = re.findall(rf'<tr class="subproduct(?: first)?" {passports} data-measure="(\d)">(.*?)</tr>', page)
    assert [number for number, _ in lines] == ["1", "2"]
    physical, financial = (cells for _, cells in lines)
    assert "<td>Física</td>" in physical and 'rowspan="2" class="name">Pasaportes' in physical
    assert "<td>Financiera</td>" in financial and "Q " in financial and 'class="name"' not in financial
    assert re.search(
        r'<span class="light light-(verde|amarillo|rojo)" title="Semáforo \1">● \w+</span>', physical
    )
