"""check_plan_consistency finds exactly DESIGN.md's known inconsistencies of the POM, nothing else."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from planning.models import Goal, Plan
from planning.selectors.consistency import plan_consistency_findings

D = Decimal
CONTROL = "Control, Registro de Nacionales y Extranjeros en el Territorio Nacional"
# DESIGN.md "Known inconsistencies in the POM", each with the figures the document prints.
KNOWN = {
    ("declared_total_vs_rows", "Matriz 9.5, fila Total, 2026", D("565504297.00"), D("569504297.00")),
    ("declared_total_vs_rows", "Matriz 9.5, fila Total, 2029", D("615240738.00"), D("615240736.00")),
    ("declared_total_vs_rows", "Matriz 9.5, fila Total, 2030", D("610910475.00"), D("620810475.00")),
    # Emisión de Documentos 2030 "1,517" vs 1,517,829; its 2026-2030 total only adds up with 1,517,829.
    (
        "indicator_table_vs_goals",
        "Ficha multianual de indicadores, «Emisión de Documentos Migratorios», 2030",
        D("1517"),
        D("1517829"),
    ),
    (
        "indicator_table_total",
        "Ficha multianual de indicadores, «Porcentaje de documentos migratorios emitidos», total 2026-2030",
        D("6843634"),
        D("1225189") + D("1293948") + D("1367545") + D("1439123") + D("1517"),
    ),
    (
        "indicator_table_total",
        "Ficha multianual de indicadores, «Porcentaje de documentos de extranjería», total 2026-2030",
        D("252266"),
        D("252267"),
    ),
    *(
        (
            "indicator_table_vs_goals",
            f"Ficha multianual de indicadores, «{CONTROL}», {year}",
            D(table),
            D(matrix),
        )
        for year, table, matrix in (
            (2027, "19045289", "19045389"),
            (2028, "20852267", "20852257"),
            (2030, "24997154", "24997254"),
        )
    ),
    (
        "result_text_vs_targets",
        "Resultado «RI-PD», matriz de vinculación PGG (3.1)",
        D("868372"),
        D("686372"),
    ),
}


def test_finds_every_known_pom_inconsistency_and_nothing_spurious(igm_pom):
    found = {(f.check, f.place, f.documented, f.computed) for f in plan_consistency_findings(plan=igm_pom)}
    assert found == KNOWN


def test_2024_plan_product_goal_that_differs_from_its_subproducts_is_found(igm):
    poa = Plan.objects.get(institution=igm, kind=Plan.Kind.POA, start_year=2024)
    findings = plan_consistency_findings(plan=poa)
    # SIPLAN 2024: product vigente 105,731 while its subproducts' vigentes are 5,549 + 100,149.
    assert [(f.documented, f.computed) for f in findings] == [(D("105731"), D(5549 + 100149))]
    assert findings[0].location[0] == "product"


def test_fixing_a_figure_removes_its_finding(igm_pom):
    goal = Goal.objects.get(product__plan=igm_pom, product__code="12-00-000-001", year=2027)
    goal.physical_current = 19045289
    goal.save()
    places = {f.place for f in plan_consistency_findings(plan=igm_pom)}
    assert not any(place.endswith("Territorio Nacional», 2027") for place in places)


def test_command_prints_each_mismatch_and_strict_exits_with_1(igm, capsys):
    call_command("check_plan_consistency")
    out = capsys.readouterr().out
    assert "10 diferencia(s)" in out
    assert (
        "Matriz 9.5, fila Total, 2026: total consignado Q 565,504,297.00; calculado Q 569,504,297.00." in out
    )
    with pytest.raises(CommandError) as excinfo:
        call_command("check_plan_consistency", strict=True)
    assert excinfo.value.returncode == 1


def test_unknown_plan_is_a_clear_error(igm):
    with pytest.raises(CommandError, match="No hay un plan POA de «IGM» que inicie en 2031"):
        call_command("check_plan_consistency", plan="POA", start_year=2031)
