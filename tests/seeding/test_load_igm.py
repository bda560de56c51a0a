"""load_igm: IGM's documents seeded exactly and atomically, never over what users saved."""

import json
import re
import shlex
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from budget.models import CostCentre, Execution, ExecutionMonth
from budget.services.locks import period_lock
from budget.services.months import execution_month_approve, execution_month_save, execution_month_submit
from planning.models import Goal, Plan, Product
from planning.services.chain import product_save
from planning.services.goals import goal_update
from planning.services.reprogrammings import reprogramming_approve, reprogramming_request
from seeding.igm.reading import FIXTURES_DIR

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


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


def _make_run_commands() -> list[list[str]]:
    """The manage.py commands `make run` runs before serving, read from the Makefile itself."""
    recipe = re.search(r"^run:.*?\n((?:\t.*\n)+)", MAKEFILE.read_text(), re.MULTILINE).group(1)
    commands = []
    for line in recipe.splitlines():
        for match in re.finditer(r"manage\.py ([a-z_]+)([^;>&|]*)", line):
            name, args = match.group(1), shlex.split(match.group(2))
            if name not in {"help", "runserver"}:
                commands.append([name, *args])
    return commands


def test_make_run_steps_run_on_every_start(settings, tmp_path):
    commands = _make_run_commands()
    assert [command[0] for command in commands] == ["migrate", "load_igm", "create_signing_certificate"]


def test_rerun_keeps_what_users_saved_and_writes_no_history(igm, igm_user, settings, tmp_path):
    settings.IGM_SIGNING_P12 = str(tmp_path / "firma.p12")
    officer, planner, lead = (igm_user(role) for role in (Role.OFFICER, Role.PLANNER, Role.PLANNING_LEAD))
    centre = CostCentre.objects.get(institution=igm, code="CC-01")
    poa = Plan.objects.get(institution=igm, kind="POA", start_year=2024)
    pom = Plan.objects.get(institution=igm, kind="POM", start_year=2026)
    visas = "11-00-000-003-01"

    # An officer corrects November; planning approves the month and locks the period.
    execution_month_save(
        cost_centre=centre,
        year=2024,
        month=11,
        entries=[{"subproduct": visas, "physical": "5", "financial": "100.00"}],
        user=officer,
    )
    execution_month_submit(cost_centre=centre, year=2024, month=11, user=officer)
    execution_month_approve(cost_centre=centre, year=2024, month=11, user=planner)
    period_lock(institution=igm, year=2024, period=3, user=planner, reason="Cierre del cuatrimestre")
    # A planner edits a POM goal and renames a product; the lead approves a POA reprogramming.
    pom_goal = Goal.objects.get(subproduct__product__plan=pom, subproduct__code=visas, year=2027)
    goal_update(goal=pom_goal, user=planner, physical_initial=9700)
    product = Product.objects.get(plan=pom, code="11-00-000-002")
    product.name = "Emisión de documentos migratorios (nombre de planificación)"
    product_save(
        product=product,
        user=planner,
        category_code="11-00-000-002",
        departments=product.departments.all(),
        municipalities=product.municipalities.all(),
    )
    poa_goal = Goal.objects.get(subproduct__product__plan=poa, subproduct__code=visas, year=2024)
    reprogramming = reprogramming_request(
        goal=poa_goal,
        measure="physical",
        new_value=8000,
        justification="Mayor demanda",
        supporting_act="Resolución 12-2024",
        effective_date=date(2024, 10, 1),
        user=planner,
    )
    reprogramming_approve(reprogramming=reprogramming, user=lead)
    # The demo officer changes the README's password.
    officer.set_password("Otra-Clave-Propia-2026")
    officer.save()
    before = _row_counts()

    for name, *args in _make_run_commands():
        call_command(name, *args, verbosity=0)

    assert _row_counts() == before  # history tables included: nothing written
    row = Execution.objects.get(cost_centre=centre, subproduct__code=visas, year=2024, month=11)
    assert (row.physical, row.financial) == (5, Decimal("100.00"))
    assert ExecutionMonth.objects.get(cost_centre=centre, year=2024, month=11).status == "approved"
    pom_goal.refresh_from_db()
    assert (pom_goal.physical_initial, pom_goal.physical_current) == (9700, 9700)
    poa_goal.refresh_from_db()
    assert poa_goal.physical_current == 8000
    assert Product.objects.get(pk=product.pk).name.endswith("(nombre de planificación)")
    officer.refresh_from_db()
    assert officer.check_password("Otra-Clave-Propia-2026")
    assert not officer.check_password("Centro-Costo-2026")


def test_rerun_reports_what_it_left_alone(igm, capsys):
    call_command("load_igm")
    out = capsys.readouterr().out
    assert "plan existente  POM 2026-2030" in out
    assert "plan existente  POA 2024-2024" in out
    assert "su contraseña no se cambia" in out
    assert "Centro-Costo-2026" not in out  # no password is printed for an account that exists


def test_missing_demo_user_is_added_back_without_touching_the_others(igm, igm_user):
    auditor = igm_user(Role.AUDITOR)
    planner = igm_user(Role.PLANNER)
    planner.set_password("Clave-Del-Planificador-9")
    planner.save()
    auditor.delete()

    call_command("load_igm", verbosity=0)

    assert igm_user(Role.AUDITOR).check_password("Auditoria-IGM-2026")
    planner.refresh_from_db()
    assert planner.check_password("Clave-Del-Planificador-9")


def test_rebuild_refuses_without_confirmation(igm):
    before = _row_counts()
    with pytest.raises(CommandError, match="--rebuild --confirm"):
        call_command("load_igm", rebuild=True)
    assert _row_counts() == before


def test_rebuild_with_confirmation_starts_the_demo_database_from_the_documents(igm, igm_user):
    product = Product.objects.get(plan__institution=igm, plan__kind="POM", code="11-00-000-002")
    Product.objects.filter(pk=product.pk).update(name="Nombre cambiado")
    officer = igm_user(Role.OFFICER)
    officer.set_password("Otra-Clave-Propia-2026")
    officer.save()

    call_command("load_igm", rebuild=True, confirm=True, verbosity=0)

    rebuilt = Product.objects.get(plan__institution__code="IGM", plan__kind="POM", code="11-00-000-002")
    assert rebuilt.name == "Emisión de Documentos Migratorios"
    assert User.objects.get(username=officer.username).check_password("Centro-Costo-2026")


def test_rebuild_is_refused_under_production_settings(igm, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="DJANGO_ENV=production"):
        call_command("load_igm", rebuild=True, confirm=True)
