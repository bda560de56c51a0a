"""IGM's POM 2026-2030 in the goals grid: the document's figures and its known inconsistencies in place."""

import re

from django.urls import reverse

from accounts.models import Role
from planning.models import DeclaredTotal
from planning.selectors.goals_grid import goals_grid


def test_product_rows_roll_up_the_documented_subproduct_goals(igm_pom):
    grid = goals_grid(plan=igm_pom)
    documents = next(row for row in grid.rows if row.name == "Emisión de Documentos Migratorios")
    first = documents.years[0]
    # POM 9.5, 2026: emission 1,135,189 + extension 90,000 documents; Q 42,696,173.00 + Q 178,999.00.
    assert (first.physical.value, first.physical.declared) == (1225189, 1225189)
    assert (first.financial.value, first.financial.declared) == (42875172, 42875172)
    assert first.physical.findings == first.financial.findings == ()


def test_declared_9_5_totals_are_flagged_where_the_pom_disagrees_with_section_8(igm_pom):
    grid = goals_grid(plan=igm_pom)
    flagged = {total.year: total.goals_findings for total in grid.totals if total.goals_findings}
    # DESIGN.md: 9.5 prints 565,504,297 (2026), 615,240,738 (2029) and 610,910,475 (2030).
    assert sorted(flagged) == [2026, 2029, 2030]
    assert "total consignado Q 565,504,297.00; calculado Q 569,504,297.00" in flagged[2026][0].detail
    assert not any(total.projection_findings for total in grid.totals)
    programs = {program.code: program for program in grid.programs}
    assert programs["11"].years[0].computed == programs["11"].years[0].projection == 85563028
    assert not any(item.findings for program in grid.programs for item in program.years)
    assert {DeclaredTotal.Matrix.GOALS, DeclaredTotal.Matrix.BUDGET_PROJECTION} == set(
        igm_pom.declared_totals.values_list("matrix", flat=True)
    )


def test_grid_page_shows_the_flags_inline_within_a_fixed_number_of_queries(
    client, igm_pom, igm_user, django_assert_max_num_queries
):
    client.force_login(igm_user(Role.DIRECTOR))
    with django_assert_max_num_queries(35):
        response = client.get(reverse("planning:goals_grid", args=[igm_pom.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert len(re.findall(r'class="num flagged"', body)) == 3
    assert "total consignado Q 610,910,475.00; calculado Q 620,810,475.00" in body
