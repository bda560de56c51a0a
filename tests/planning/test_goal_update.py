from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from planning.models import Goal
from planning.services.goals import goal_update


def test_planner_edits_goal_of_draft_plan_and_history_records_who(small_world):
    draft_goal, planner = small_world.extension_2026, small_world.planner
    goal_update(goal=draft_goal, user=planner, physical_initial=900, financial_initial=Decimal("9000.50"))

    draft_goal.refresh_from_db()
    assert draft_goal.physical_current == 900  # current follows initial before any reprogramming
    assert draft_goal.financial_current == Decimal("9000.50")
    last = draft_goal.history.first()
    assert last.history_user == planner
    assert last.history_change_reason == "Edición directa de la meta"


def test_refuses_goal_of_approved_plan_with_spanish_message(small_world):
    approved_goal = small_world.visas_goal
    with pytest.raises(ValidationError) as refusal:
        goal_update(goal=approved_goal, user=small_world.planner, physical_initial=1)

    assert refusal.value.messages == [
        "El plan «POA 2024» está aprobado: cambie la meta mediante una reprogramación."
    ]
    approved_goal.refresh_from_db()
    assert approved_goal.physical_initial == 800


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DIRECTOR, Role.AUDITOR])
def test_refuses_users_outside_planning(small_world, role):
    with pytest.raises(PermissionDenied):
        goal_update(goal=small_world.extension_2026, user=small_world.user(role), physical_initial=1)


def test_refuses_fields_that_are_not_goal_values(small_world):
    with pytest.raises(ValidationError, match="year"):
        goal_update(goal=small_world.extension_2026, user=small_world.planner, year=2030)


def test_unsaved_goal_is_created_with_history(small_world):
    # «Personas atendidas» of the POM under formulation has goals for 2026 and 2027 only.
    goal = Goal(subproduct=small_world.people_served, year=2028)

    goal_update(goal=goal, user=small_world.planner, physical_initial=40, financial_initial=Decimal("400.00"))

    saved = Goal.objects.get(subproduct=small_world.people_served, year=2028)
    assert (saved.physical_current, saved.financial_current) == (40, Decimal("400.00"))
    assert saved.history.get().history_user == small_world.planner
