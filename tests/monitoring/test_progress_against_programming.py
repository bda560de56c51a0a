"""Progress is judged against what was programmed to date: the dashboard's expected figure, lights and
projection, the deviations of the report and the API; the straight line only where there is no
programming, and the pages say so. Expected figures are worked out by hand from the months below."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from monitoring.selectors import plan_progress
from planning.services.annual_plans import annual_plan_create
from planning.services.programming import programming_save
from reporting.selectors.documents import live_report_document
from reporting.selectors.siplan import siplan_report
from tests.cast.cycle import cycle_institution
from tests.factories import ExecutionFactory

pytestmark = pytest.mark.django_db
# S1: 1,200 units and Q 1,000.00, programmed heavily in the first half.
S1_PHYSICAL = [150] * 4 + [100] * 4 + [50] * 4  # to August: 600 + 400 = 1,000
S1_FINANCIAL = ["125.00"] * 8 + ["0.00"] * 4  # to August: Q 1,000.00


@pytest.fixture
def cycle():
    data = cycle_institution()
    planner = data["users"][Role.PLANNER]
    poa = annual_plan_create(pom=data["pom"], year=2026, user=planner)
    s1 = poa.products.get().subproducts.get(code="S1")
    months = {"physical": [Decimal(v) for v in S1_PHYSICAL], "financial": [Decimal(v) for v in S1_FINANCIAL]}
    programming_save(plan=poa, entries={s1.id: months}, user=planner)
    for month in range(1, 9):  # 80 units and Q 75.00 a month to August: 640 and Q 600.00
        ExecutionFactory(
            cost_centre=data["cost_centre"], subproduct=s1, year=2026, month=month, physical=80, financial=75
        )
    data.update(poa=poa, s1=s1)
    return data


def subproduct_row(progress, subproduct):
    return next(row for item in progress.products for row in item.subproducts if row.id == subproduct.id)


def test_dashboard_expects_the_programmed_months_to_date(cycle):
    progress = plan_progress(institution=cycle["institution"], year=2026, period=2)
    row = subproduct_row(progress, cycle["s1"])
    assert progress.months_so_far == 8
    assert (row.physical.expected, row.physical.projected_pct) == (Decimal(1000), Decimal("64.00"))
    assert row.physical.light == "rojo" and row.physical.under_executed
    # Projection: the goal × 640 ÷ 1,000 = 768.
    assert row.physical.projected == Decimal("768.00")
    assert (row.financial.expected, row.financial.projected_pct) == (Decimal("1000.00"), Decimal("60.00"))
    # S2 has no programming: the straight line, 1,200 × 8 ÷ 12 = 800, nothing executed.
    s2 = next(r for item in progress.products for r in item.subproducts if r.code == "S2")
    assert not s2.physical.is_programmed and s2.physical.expected == Decimal("800.00")


def test_report_deviations_against_programming_and_the_json_carries_the_programmed_figures(cycle):
    document = live_report_document(institution=cycle["institution"], year=2026, period=2)
    s1 = [d for d in document.deviations if d.subproduct_id == cycle["s1"].id]
    assert [(d.measure, d.expected, d.progress_pct, d.basis) for d in s1] == [
        ("Física", Decimal(1000), Decimal("64.00"), "programmed"),
        ("Financiera", Decimal("1000.00"), Decimal("60.00"), "programmed"),
    ]
    line = next(
        row
        for block in siplan_report(institution=cycle["institution"], year=2026, period=2).blocks
        for row in block.rows
        if row.id == cycle["s1"].id and row.kind == "subproduct"
    ).physical
    assert line.programmed_months == (100, 100, 100, 100) and line.programmed_accumulated == 1000
    # The report's own columns stay the annual ones: 640 ÷ 1,200 = 53.33 %.
    assert line.accumulated_pct == Decimal("53.33")


def test_nothing_programmed_to_date_is_not_a_deviation(cycle):
    data = cycle
    s2 = data["poa"].products.get().subproducts.get(code="S2")
    months = [Decimal(0)] * 11 + [Decimal(1200)]
    programming_save(
        plan=data["poa"],
        entries={s2.id: {"physical": months, "financial": [Decimal(0)] * 11 + [Decimal("1000.00")]}},
        user=data["users"][Role.PLANNER],
    )
    document = live_report_document(institution=data["institution"], year=2026, period=1)
    assert not [d for d in document.deviations if d.subproduct_id == s2.id]
    row = subproduct_row(plan_progress(institution=data["institution"], year=2026, period=1), s2)
    assert row.physical.projected_pct == Decimal("0.00") and row.physical.light is None


def test_dashboard_page_and_api_show_the_expected_figure_and_the_fallback(client, cycle):
    client.force_login(cycle["users"][Role.DIRECTOR])
    page = client.get("/seguimiento/tablero/?year=2026&period=2").content.decode()
    assert "sin programación: se asume distribución uniforme" in page
    assert 'id="programmed-vs-executed"' in page
    body = client.get("/api/v1/plan-progress/?institution=CIC&year=2026&period=2").json()
    s1 = next(row for row in body["rows"] if row["id"] == cycle["s1"].id and row["kind"] == "subproduct")
    assert (s1["physical"]["expected"], s1["physical"]["expected_basis"]) == ("1000.00", "programmed")
    assert s1["physical"]["progress_pct"] == "64.00"
    s2 = next(row for row in body["rows"] if row["code"] == "S2")
    assert (s2["physical"]["expected"], s2["physical"]["expected_basis"]) == ("800.00", "uniform")


def _dashboard_queries(client, data) -> int:
    client.force_login(data["users"][Role.DIRECTOR])
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/seguimiento/tablero/?year=2026&period=2").status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_the_subproducts(client):
    counts = []
    for size, code in ((2, "CQA"), (8, "CQB")):
        data = cycle_institution(subproducts=size, code=code)
        poa = annual_plan_create(pom=data["pom"], year=2026, user=data["users"][Role.PLANNER])
        for sub in poa.products.get().subproducts.exclude(code="SX"):
            months = [Decimal(100)] * 12
            programming_save(
                plan=poa,
                entries={
                    sub.id: {"physical": months, "financial": [Decimal("0.00")] * 11 + [Decimal("1000.00")]}
                },
                user=data["users"][Role.PLANNER],
            )
            ExecutionFactory(cost_centre=data["cost_centre"], subproduct=sub, year=2026, month=8)
        counts.append(_dashboard_queries(client, data))
    assert counts[0] == counts[1]


def test_igm_2024_pages_say_they_use_the_straight_line(client, igm):
    from accounts.models import User

    director = User.objects.filter(institution=igm, role=Role.DIRECTOR).first()
    client.force_login(director)
    page = client.get("/seguimiento/tablero/?year=2024&period=3").content.decode()
    assert "sin programación: se asume distribución uniforme" in page
    planner = User.objects.filter(institution=igm, role=Role.PLANNER).first()
    client.force_login(planner)
    period = client.get("/reportes/IGM/2024/3/").content.decode()
    assert "sin programación: se asume distribución uniforme" in period
    assert "uniforme (sin programación)" in period
