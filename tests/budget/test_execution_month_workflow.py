"""Open → submitted → approved / returned with a comment; locks refuse and unlocks are recorded."""

import pytest
from django.core.exceptions import PermissionDenied

from budget.models import ExecutionMonth, PeriodLock
from budget.services.intake import IntakeRefused
from budget.services.locks import PeriodLocked, period_unlock
from budget.services.months import execution_month_approve, execution_month_return, execution_month_submit
from tests.factories import ExecutionFactory


@pytest.fixture
def march(small_world):
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    return {"cost_centre": small_world.central, "year": 2024, "month": 3}


def test_officer_submits_and_planning_approves(small_world, march):
    assert execution_month_submit(**march, user=small_world.officer).status == ExecutionMonth.Status.SUBMITTED
    state = execution_month_approve(**march, user=small_world.planner)
    assert (state.status, state.changed_by) == (ExecutionMonth.Status.APPROVED, small_world.planner)


def test_return_needs_a_comment_that_the_officer_then_sees(small_world, march):
    execution_month_submit(**march, user=small_world.officer)
    with pytest.raises(IntakeRefused, match="Indique en el comentario qué debe corregir el centro de costo."):
        execution_month_return(**march, user=small_world.planner, comment="  ")
    execution_month_return(**march, user=small_world.planner, comment="Faltan las visas de marzo.")
    state = ExecutionMonth.objects.get(cost_centre=small_world.central, year=2024, month=3)
    assert (state.status, state.comment) == (ExecutionMonth.Status.RETURNED, "Faltan las visas de marzo.")
    # Returned: the officer can submit again.
    assert execution_month_submit(**march, user=small_world.officer).status == ExecutionMonth.Status.SUBMITTED


def test_officer_cannot_approve_nor_submit_someone_elses_month(small_world, march):
    execution_month_submit(**march, user=small_world.officer)
    with pytest.raises(PermissionDenied):
        execution_month_approve(**march, user=small_world.officer)
    with pytest.raises(PermissionDenied):
        execution_month_submit(**march, user=small_world.xela_officer)


def test_empty_month_cannot_be_submitted(small_world):
    with pytest.raises(IntakeRefused, match="no tiene ejecución registrada"):
        execution_month_submit(cost_centre=small_world.central, year=2024, month=5, user=small_world.officer)


def test_locked_period_refuses_workflow_steps_with_who_and_when(small_world, march):
    lock = small_world.lock_period()
    with pytest.raises(PeriodLocked) as refusal:
        execution_month_submit(**march, user=small_world.officer)
    assert str(refusal.value).startswith(
        f"El cuatrimestre ene–abr 2024 fue bloqueado el {lock.locked_at.astimezone().strftime('%d/%m/%Y')} "
        f"por {small_world.planner} (informe firmado)."
    )


def test_unlock_is_recorded_and_reopens_the_period(small_world, march):
    small_world.lock_period()
    first_period = {"institution": small_world.institution, "year": 2024, "period": 1}
    with pytest.raises(PermissionDenied):
        period_unlock(**first_period, user=small_world.officer, reason="corrección")
    period_unlock(**first_period, user=small_world.planner, reason="corrección de marzo")
    lock = PeriodLock.objects.get(institution=small_world.institution, year=2024, period=1)
    assert (lock.unlocked_by, lock.unlock_reason) == (small_world.planner, "corrección de marzo")
    assert execution_month_submit(**march, user=small_world.officer).status == ExecutionMonth.Status.SUBMITTED
