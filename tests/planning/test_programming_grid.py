"""The programming grid: one save for every row, a row that does not add up refused with its
difference and nothing written, stale grids refused, history kept, an approved POA closed to it, and
its queries constant in the number of subproducts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from planning.models import MonthlyProgramming, Plan
from planning.selectors.programming import programming_grid
from planning.services.annual_plans import annual_plan_create
from planning.services.programming import programming_spread
from tests.cast.cycle import cycle_institution

pytestmark = pytest.mark.django_db


def poa_of(cycle) -> Plan:
    return annual_plan_create(pom=cycle["pom"], year=2026, user=cycle["users"][Role.PLANNER])


def grid_post(plan, rows: dict) -> dict:
    """The form as the page posts it: every subproduct with a goal, its months as typed."""
    data = {"version": programming_grid(plan=plan).version}
    for sub_id, by_measure in rows.items():
        for measure, months in by_measure.items():
            for month, value in enumerate(months, start=1):
                data[f"m-{sub_id}-{measure}-{month}"] = value
    return data


@pytest.fixture
def cycle(client):
    data = cycle_institution()
    data["poa"] = poa_of(data)
    data["subs"] = list(data["poa"].products.get().subproducts.order_by("code"))
    client.force_login(data["users"][Role.PLANNER])
    return data


def test_one_save_writes_every_row_and_keeps_history(client, cycle):
    poa, (s1, s2, _people) = cycle["poa"], cycle["subs"]
    rows = {
        s1.id: {"physical": ["100"] * 12, "financial": ["83.33"] * 11 + ["83.37"]},
        s2.id: {"physical": ["1,200"] + ["0"] * 11, "financial": ["Q 1,000.00"] + ["0"] * 11},
    }
    response = client.post(f"/planificacion/planes/{poa.pk}/programacion/", grid_post(poa, rows), follow=True)
    assert "Programación guardada: 48 meses cambiados." in response.content.decode()
    assert MonthlyProgramming.objects.filter(goal__subproduct=s1).count() == 24
    december = MonthlyProgramming.objects.get(goal__subproduct=s1, measure="financial", month=12)
    assert december.value == Decimal("83.37")
    version = december.history.first()
    assert (
        version.history_user == cycle["users"][Role.PLANNER]
        and version.history_change_reason == "Programación mensual"
    )
    grid = programming_grid(plan=poa)
    product = grid.rows[0]
    # The product's physical adds its two Documento subproducts (not the Persona one, unprogrammed).
    assert product.physical.months == tuple(Decimal(v) for v in [1300] + [100] * 11)
    assert product.financial.months is None  # «Personas atendidas» has a financial goal and no programming


def test_a_row_that_does_not_add_up_is_refused_with_its_difference_and_nothing_is_written(client, cycle):
    poa, (s1, s2, _people) = cycle["poa"], cycle["subs"]
    rows = {
        s1.id: {"physical": ["100"] * 12, "financial": ["83.33"] * 12},
        s2.id: {"physical": ["100"] * 12, "financial": ["83.33"] * 11 + ["83.37"]},
    }
    response = client.post(f"/planificacion/planes/{poa.pk}/programacion/", grid_post(poa, rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "La programación financiera de «Documento tipo 1» suma Q 999.96 y la meta vigente es Q 1,000.00: "
        "diferencia Q -0.04." in page
    )
    assert 'value="83.33"' in page  # what was typed stays on the page
    assert not MonthlyProgramming.objects.filter(goal__subproduct__product__plan=poa).exists()


def test_a_stale_grid_is_refused(client, cycle):
    poa, (s1, _s2, _people) = cycle["poa"], cycle["subs"]
    data = grid_post(poa, {s1.id: {"physical": ["100"] * 12, "financial": [""] * 12}})
    goal = s1.goals.get()
    before = goal.physical_current
    goal.physical_current = goal.physical_initial = before + 100
    goal.save()
    response = client.post(f"/planificacion/planes/{poa.pk}/programacion/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f"{s1.code} meta física vigente: {before:,} → {before + 100:,}" in page
    assert "No se guardó nada" in page
    assert not MonthlyProgramming.objects.exists()


def test_spreading_evenly_and_an_approved_poa_refuses_the_grid(client, cycle):
    poa, (s1, _s2, _people) = cycle["poa"], cycle["subs"]
    client.post(
        f"/planificacion/planes/{poa.pk}/programacion/repartir/",
        {"subproducts": [s1.id], "method": "even", "measures": ["physical", "financial"]},
    )
    physical = list(
        MonthlyProgramming.objects.filter(goal__subproduct=s1, measure="physical").values_list(
            "value", flat=True
        )
    )
    assert physical == [Decimal(100)] * 12
    poa.status, poa.approval_act, poa.approval_date = Plan.Status.APPROVED, "Acuerdo 1-2026", "2026-01-05"
    poa.save()
    page = client.get(f"/planificacion/planes/{poa.pk}/programacion/").content.decode()
    assert "cambia solo mediante reprogramaciones" in page and 'name="version"' in page
    assert "Guardar programación" not in page
    response = client.post(
        f"/planificacion/planes/{poa.pk}/programacion/", grid_post(poa, {s1.id: {"physical": ["0"] * 12}})
    )
    assert "está aprobado: cambie la programación mediante una reprogramación" in response.content.decode()
    assert MonthlyProgramming.objects.filter(goal__subproduct=s1, measure="physical", value=100).count() == 12


def _grid_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/planificacion/planes/{plan.pk}/programacion/").status_code == 200
    return len(queries)


def test_grid_queries_do_not_grow_with_the_subproducts(client):
    small, large = cycle_institution(subproducts=2, code="CIA"), cycle_institution(subproducts=9, code="CIB")
    small_poa, large_poa = poa_of(small), poa_of(large)
    for data, poa in ((small, small_poa), (large, large_poa)):
        subs = [s.id for s in poa.products.get().subproducts.exclude(code="SX")]
        programming_spread(plan=poa, subproduct_ids=subs, measures=[], user=data["users"][Role.PLANNER])
    client.force_login(small["users"][Role.PLANNER])
    few = _grid_queries(client, small_poa)
    client.force_login(large["users"][Role.PLANNER])
    assert _grid_queries(client, large_poa) == few
