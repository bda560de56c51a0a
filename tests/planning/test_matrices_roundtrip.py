"""Export → import → export of the POM matrices gives the same file."""

import io
from decimal import Decimal

from openpyxl import load_workbook

from planning.matrices.xlsx_reader import matrices_read
from planning.matrices.xlsx_writer import matrices_xlsx
from planning.models import DeclaredTotal, Goal, Plan
from planning.selectors.matrices import pom_matrices
from planning.services.matrices import plan_import


def _workbook_values(data: bytes) -> dict:
    workbook = load_workbook(io.BytesIO(data))
    return {ws.title: [[cell.value for cell in row] for row in ws.iter_rows()] for ws in workbook}


def test_export_import_export_gives_the_same_bytes(small_world):
    # Its indicator sheet is not part of the matrices and would keep the plan from being replaced.
    small_world.pom.indicator_sheets.all().delete()
    first = matrices_xlsx(pom_matrices(plan=small_world.pom))
    plan = plan_import(matrices=matrices_read(io.BytesIO(first)), replace=True)
    second = matrices_xlsx(pom_matrices(plan=plan))
    assert _workbook_values(second) == _workbook_values(first)
    assert second == first


def test_import_rebuilds_the_chain_goals_and_declared_figures(small_world):
    # Its indicator sheet is not part of the matrices and would keep the plan from being replaced.
    small_world.pom.indicator_sheets.all().delete()
    data = matrices_xlsx(pom_matrices(plan=small_world.pom))
    plan = plan_import(matrices=matrices_read(io.BytesIO(data)), replace=True)
    assert not Plan.objects.filter(pk=small_world.pom.pk).exists()
    assert plan.name == "POM 2026-2030"
    assert list(plan.results.values_list("code", "description")) == [
        ("R1", "=Resultado que empieza con igual")
    ]
    assert list(plan.products.values_list("code", "result__code", "category__program__code")) == [
        ("P1", "R1", "11"),
        ("P2", None, "99"),
    ]
    people = Goal.objects.filter(subproduct__code="S3", subproduct__product__plan=plan)
    assert sorted(people.values_list("year", flat=True)) == [2026, 2027]
    # The product row of P2 is not its subproducts' roll-up (they have no goals): kept as declared.
    declared = Goal.objects.get(product__plan=plan, product__code="P2", year=2027)
    assert (declared.physical_current, declared.financial_current) == (23, Decimal("82260000.00"))
    assert not Goal.objects.filter(product__code="P1", product__plan=plan).exists()
    # Printed totals are kept; where none was printed the file carries the sum of the products'
    # financial goals: P1 from its subproducts (500.50 + 99.25 + 10.00 in 2027; S3 has no goal after
    # 2027) plus the 82,260,000.00 that P2 declares.
    totals = dict(
        plan.declared_totals.filter(matrix=DeclaredTotal.Matrix.GOALS).values_list("year", "amount")
    )
    assert totals == {
        2026: Decimal("4.00"),
        2027: Decimal("82260609.75"),
        **{year: Decimal("82260599.75") for year in (2028, 2029, 2030)},
    }


def test_igm_pom_round_trips_with_its_documented_figures(igm_pom):
    pom = igm_pom
    first = matrices_xlsx(pom_matrices(plan=pom))
    # The indicator sheets are not part of the matrices and would keep the plan from being replaced.
    pom.indicator_sheets.all().delete()
    plan = plan_import(matrices=matrices_read(io.BytesIO(first)), replace=True)
    assert matrices_xlsx(pom_matrices(plan=plan)) == first
    sheets = _workbook_values(first)
    # 9.5 total row and section 8 total row as the POM prints them (inconsistent with each other).
    goals_total = next(row for row in sheets["9.5 Metas"] if row[0] == "Total")
    assert goals_total[5] == 565504297
    assert goals_total[11] == 615240738
    budget_total = next(row for row in sheets["8 Presupuesto"] if row[1] == "Total")
    assert budget_total[2:] == [569504297, 615467314, 614166687, 615240736, 620810475]
    documents = next(row for row in sheets["9.5 Metas"] if row[2] == "Emisión de Documentos Migratorios")
    assert documents[4:6] == [1225189, 42875172]
