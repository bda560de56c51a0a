"""Writes of the multiannual goals grid: every row edited, saved at once, refused when stale."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.figures import ZERO
from common.versions import TAMPERED, ensure_current
from planning.models import Goal, Plan, Subproduct
from planning.permissions import plan_ensure_editable_by
from planning.selectors.goals_grid import goal_cell_labels, goal_cell_values, goals_grid_values
from planning.services.goals import goal_update

RowValues = dict[int, tuple[int, Decimal] | None]


def goals_grid_save(
    *, plan: Plan, user, rows: dict[int, RowValues], read: dict[str, str] | None, reason: str = ""
) -> int:
    """Save every row of the goals grid the user changed, all or none; returns how many goals changed.

    ``read`` is the grid's snapshot when the page was read (``GoalsGrid.version``). A row the user
    left as read is not written, so someone else's change to it stays. A changed row whose stored
    goals are no longer those read refuses the whole save (``common.versions.StaleEdit``) with
    what the other user changed. ``reason`` goes into each goal's history."""
    plan_ensure_editable_by(user=user, plan=plan)
    subproducts = {
        subproduct.pk: subproduct
        for subproduct in Subproduct.objects.filter(product__plan=plan, pk__in=rows).select_related(
            "product__plan"
        )
    }
    unknown = sorted(set(rows) - set(subproducts))
    if unknown:
        raise ValidationError(_("Subproductos que no son del plan: %(ids)s.") % {"ids": unknown})
    typed = {
        subproduct_id: {
            key: value
            for year, figures in values.items()
            for key, value in goal_cell_values(subproduct_id, year, *(figures or (None, None))).items()
        }
        for subproduct_id, values in rows.items()
    }
    read_values = read or {}
    edited = [
        subproduct_id
        for subproduct_id, cells in typed.items()
        if read in (None, TAMPERED) or any(read_values.get(key, "") != value for key, value in cells.items())
    ]
    with transaction.atomic():
        goals = Goal.objects.select_for_update().filter(subproduct_id__in=edited)
        ensure_current(
            read=read,
            current=goals_grid_values(goals),
            labels=goal_cell_labels([subproducts[pk] for pk in edited], plan.years),
            history=Goal.history.filter(subproduct_id__in=edited).select_related("history_user")[:1],
        )
        return sum(
            subproduct_goals_save(subproduct=subproducts[pk], user=user, values=rows[pk], reason=reason)
            for pk in edited
        )


def subproduct_goals_save(*, subproduct: Subproduct, user, values: RowValues, reason: str = "") -> int:
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
            goal_update(
                goal=goal, user=user, reason=reason, physical_initial=physical, financial_initial=financial
            )
            changed += 1
    return changed
