import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planning.models import Measure, Reprogramming
from planning.services.goals import goal_update
from planning.services.reprogrammings import (
    reprogramming_approve,
    reprogramming_reject,
    reprogramming_request,
)

DAY = datetime.date(2024, 6, 3)


def request(goal, user, *, measure=Measure.PHYSICAL, new_value="1500"):
    return reprogramming_request(
        goal=goal,
        measure=measure,
        new_value=new_value,
        justification="Mayor demanda en delegaciones fronterizas",
        supporting_act="Resolución SP-12-2024",
        effective_date=DAY,
        user=user,
    )


def test_request_keeps_current_value_as_old_value_and_goal_unchanged(small_world):
    approved_goal, planner = small_world.visas_goal, small_world.planner
    reprogramming = request(approved_goal, planner)

    assert reprogramming.status == Reprogramming.Status.REQUESTED
    assert reprogramming.old_value == Decimal("800.00")
    assert reprogramming.requested_by == planner
    approved_goal.refresh_from_db()
    assert approved_goal.physical_current == 800


def test_lead_approval_changes_current_value_and_records_decision(small_world):
    approved_goal, planner, lead = small_world.visas_goal, small_world.planner, small_world.planning_lead
    reprogramming = reprogramming_approve(
        reprogramming=request(approved_goal, planner), user=lead, comment="Procede"
    )

    approved_goal.refresh_from_db()
    assert approved_goal.physical_current == 1500
    assert approved_goal.physical_initial == 800
    assert reprogramming.status == Reprogramming.Status.APPROVED
    assert reprogramming.decided_by == lead
    assert reprogramming.approver_name == "Berta Jefa"
    assert (
        approved_goal.history.first().history_change_reason
        == f"Reprogramación n.º {reprogramming.pk} aprobada"
    )


def test_financial_approval_changes_financial_current(small_world):
    approved_goal, planner, lead = small_world.visas_goal, small_world.planner, small_world.planning_lead
    reprogramming_approve(
        reprogramming=request(approved_goal, planner, measure=Measure.FINANCIAL, new_value="98765.43"),
        user=lead,
    )

    approved_goal.refresh_from_db()
    assert approved_goal.financial_current == Decimal("98765.43")
    assert approved_goal.physical_current == 800


def test_planner_cannot_approve(small_world):
    approved_goal, planner = small_world.visas_goal, small_world.planner
    reprogramming = request(approved_goal, planner)

    with pytest.raises(PermissionDenied):
        reprogramming_approve(reprogramming=reprogramming, user=planner)
    approved_goal.refresh_from_db()
    assert approved_goal.physical_current == 800


def test_rejection_needs_a_reason_and_leaves_goal_alone(small_world):
    approved_goal, planner, lead = small_world.visas_goal, small_world.planner, small_world.planning_lead
    reprogramming = request(approved_goal, planner)
    with pytest.raises(ValidationError, match="motivo del rechazo"):
        reprogramming_reject(reprogramming=reprogramming, user=lead, comment=" ")

    reprogramming_reject(reprogramming=reprogramming, user=lead, comment="Sin respaldo presupuestario")

    reprogramming.refresh_from_db()
    approved_goal.refresh_from_db()
    assert reprogramming.status == Reprogramming.Status.REJECTED
    assert reprogramming.decision_comment == "Sin respaldo presupuestario"
    assert approved_goal.physical_current == 800


def test_decided_request_cannot_be_decided_again(small_world):
    approved_goal, planner, lead = small_world.visas_goal, small_world.planner, small_world.planning_lead
    reprogramming = reprogramming_approve(reprogramming=request(approved_goal, planner), user=lead)

    with pytest.raises(ValidationError, match="ya fue aprobada"):
        reprogramming_reject(reprogramming=reprogramming, user=lead, comment="Tarde")


def test_stale_request_is_refused(small_world):
    approved_goal, planner, lead = small_world.visas_goal, small_world.planner, small_world.planning_lead
    stale = Reprogramming.objects.create(
        goal=approved_goal,
        measure=Measure.PHYSICAL,
        old_value=Decimal("1000.00"),
        new_value=Decimal("1100.00"),
        effective_date=DAY,
        justification="Solicitud antigua",
        requested_by=planner,
    )

    with pytest.raises(ValidationError, match="partía de una meta vigente de 1000.00"):
        reprogramming_approve(reprogramming=stale, user=lead)
    approved_goal.refresh_from_db()
    assert approved_goal.physical_current == 800


@pytest.mark.parametrize(
    ("new_value", "message"),
    [
        ("800", "igual a la meta vigente"),
        ("10.5", "unidades enteras"),
        ("-3", "negativo"),
        ("abc", "número"),
    ],
)
def test_request_refuses_bad_values(small_world, new_value, message):
    approved_goal, planner = small_world.visas_goal, small_world.planner
    with pytest.raises(ValidationError, match=message):
        request(approved_goal, planner, new_value=new_value)


def test_second_pending_request_for_same_measure_is_refused(small_world):
    approved_goal, planner = small_world.visas_goal, small_world.planner
    request(approved_goal, planner)

    with pytest.raises(ValidationError, match="pendiente"):
        request(approved_goal, planner, new_value="1600")


def test_draft_plan_goals_are_edited_directly_not_reprogrammed(small_world):
    draft_goal, planner = small_world.extension_2026, small_world.planner
    with pytest.raises(ValidationError, match="no está aprobado"):
        request(draft_goal, planner)
    goal_update(goal=draft_goal, user=planner, physical_current=10)
