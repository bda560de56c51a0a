"""The sheets list: each sheet's value computed from execution, in a fixed number of queries."""

from django.urls import reverse

from accounts.models import Role


def test_index_lists_igm_sheets_with_2024_values(client, igm_pom, igm_user, django_assert_max_num_queries):
    client.force_login(igm_user(Role.AUDITOR))

    with django_assert_max_num_queries(16):
        response = client.get(reverse("indicators:index"), {"plan": igm_pom.pk, "year": 2024, "period": 3})

    html = response.content.decode()
    assert [str(v.value) for v in response.context["values"]] == ["76.96", "95.81", "93.24", "91.20"]
    assert "Nueva ficha" not in html  # auditors read only
    assert reverse("indicators:sheet_pdf", args=[igm_pom.indicator_sheets.first().pk]) in html


def test_multiannual_table_page_shows_the_document_figures(client, igm_pom, igm_user):
    client.force_login(igm_user(Role.PLANNER))

    html = client.get(reverse("indicators:multiannual_table", args=[igm_pom.pk])).content.decode()

    assert "Ficha de indicadores de productos a nivel multianual" in html
    for figure in ("10,506,122", "88.97 %", "24,997,154", "105,992,530", "252,266", "1,517"):
        assert figure in html


def test_index_renders_for_the_planner_of_a_small_institution(client, small_world):
    client.force_login(small_world.planner)
    assert client.get(reverse("indicators:index")).status_code == 200
