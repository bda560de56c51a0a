"""load_igm: IGM's documents loaded exactly, idempotently and atomically."""

import json
import shutil
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from budget.models import CostCentre, Execution
from indicators.fixture_loader import FIXTURES_DIR
from planning.models import Goal, Plan, Product


def _row_counts() -> dict:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_rerun_changes_nothing_and_writes_no_history(igm, capsys):
    before = _row_counts()
    call_command("load_igm")
    assert "Sin cambios" in capsys.readouterr().out
    assert _row_counts() == before


def test_broken_fixture_gives_a_clear_error_and_leaves_the_database_as_it_was(igm, tmp_path):
    shutil.copytree(FIXTURES_DIR, tmp_path / "fixtures")
    pom = tmp_path / "fixtures" / "igm" / "pom-2026-2030.json"
    data = json.loads(pom.read_text(encoding="utf-8"))
    data["products"][0]["goals"]["financial"][0] = "292649151.005"
    data["products"][0]["name"] = "Nombre cambiado que no debe guardarse"
    pom.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = _row_counts()

    with pytest.raises(CommandError, match="más de dos decimales"):
        call_command("load_igm", fixtures_dir=tmp_path / "fixtures")

    assert _row_counts() == before
    assert not Product.objects.filter(name__startswith="Nombre cambiado").exists()


def test_malformed_json_is_reported_with_its_line(igm, tmp_path):
    shutil.copytree(FIXTURES_DIR, tmp_path / "fixtures")
    (tmp_path / "fixtures" / "igm" / "poa-2024.json").write_text('{\n  "plan": \n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"JSON inválido en la línea \d+"):
        call_command("load_igm", fixtures_dir=tmp_path / "fixtures")


def test_plans_cost_centres_and_geography(igm):
    assert set(Plan.objects.filter(institution=igm).values_list("kind", "start_year")) == {
        ("PEI", 2021),
        ("POM", 2026),
        ("POA", 2024),
    }
    assert Plan.objects.get(institution=igm, kind="POA").approval_act.endswith("AMN 006-2023")
    assert CostCentre.objects.filter(institution=igm).count() == 28
    assert CostCentre.objects.filter(institution=igm, status=CostCentre.Status.ACTIVE).count() == 25
    assert apps.get_model("planning", "Department").objects.count() == 22


def test_pom_goals_are_the_documents_figures(igm):
    pom = Plan.objects.get(institution=igm, kind="POM")
    emission = Goal.objects.get(product__plan=pom, product__code="11-00-000-002", year=2030)
    assert emission.physical_current == 1517829
    assert emission.financial_current == Decimal("35759173.00")
    residences = Goal.objects.get(
        subproduct__product__plan=pom, subproduct__code="11-00-000-003-02", year=2026
    )
    assert residences.source == Goal.Source.DERIVED
    # 9.1 multiannual indicator 45,654 minus visas 9,601 and foreigners' registry 28,140 (9.5).
    assert residences.physical_current == 45654 - 9601 - 28140


def test_2024_execution_months_are_january_report_known_months_and_an_even_remainder(igm):
    rows = Execution.objects.filter(subproduct__code="11-00-000-003-01", year=2024).order_by("month")
    physical = [row.physical for row in rows]
    assert physical[0] == 158  # January activity report: "Visas emitidas 158"
    assert physical[8:] == [716, 900, 715, 905]  # SIPLAN, September to December
    assert sum(physical) == 7567  # accumulated to December in the SIPLAN report
    assert len(set(physical[1:7])) == 1 and physical[7] >= physical[6]
    # No document gives January's quetzales, so January–August are derived in money.
    assert [row.is_derived for row in rows] == [True] * 8 + [False] * 4
    assert "informe de actividades enero 2024" in rows[0].source_note
    assert sum(row.financial for row in rows) == Decimal("977880.91")
