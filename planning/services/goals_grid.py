"""Writes of the multiannual goals grid: a subproduct's goals for every plan year at once."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.figures import ZERO
from planning.models import Goal, Subproduct
from planning.permissions import plan_ensure_editable_by
from planning.services.goals import goal_update


def subproduct_goals_save(
    *, subproduct: Subproduct, user, values: dict[int, tuple[int, Decimal] | None]
) -> int:
    """Set a subproduct's physical and financial goals for several years (one row of the grid).

    Each changed year goes through ``goal_update`` (planning staff only, refused for an approved
    plan, kept in the goal's history); a year left empty stays without a goal when it has none.
    All years or none. Returns how many goals changed.
    """
    plan = subproduct.product.plan
    plan_ensure_editable_by(user=user, plan=plan)
    outside = sorted(set(values) - set(plan.years))
    if outside:
        raise ValidationError(
            _("Los años %(years)s no pertenecen al plan «%(plan)s».")
            % {"years": ", ".join(map(str, outside)), "plan": plan}
        )
    with transaction.atomic():
        goals = {goal.year: goal for goal in Goal.objects.select_for_update().filter(subproduct=subproduct)}
        changed = 0
        for year, figures in sorted(values.items()):
            goal = goals.get(year)
            if figures is None and goal is None:
                continue
            physical, financial = figures or (0, ZERO)
            if goal is None:
                goal = Goal(subproduct=subproduct, year=year, source=Goal.Source.ENTERED)
            elif (goal.physical_current, goal.financial_current) == (physical, financial):
                continue
            goal_update(goal=goal, user=user, physical_initial=physical, financial_initial=financial)
            changed += 1
    return changed
