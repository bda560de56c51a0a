"""Direct edits of goals (while their plan is not approved)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import Goal, Measure, Reprogramming
from planning.permissions import plan_ensure_editable_by
from planning.selectors.goals import goal_plan
from planning.services.history import save_with_history
from planning.services.plans import plan_ensure_not_approved

GOAL_EDITABLE_FIELDS = frozenset(
    {"physical_initial", "physical_current", "financial_initial", "financial_current", "source_note"}
)


# Where each measure keeps its values on the goal.
MEASURE_FIELDS = {
    Measure.PHYSICAL: ("physical_initial", "physical_current"),
    Measure.FINANCIAL: ("financial_initial", "financial_current"),
}


@transaction.atomic
def goal_update(*, goal: Goal, user, reason: str = "", **values) -> Goal:
    """Change (or create, when ``goal`` is unsaved) a goal of a plan that is not approved.

    The change is kept in the goal's history with the user and the reason (``reason``, else
    «Edición directa de la meta»).

    When only an initial value is given and the measure has no approved reprogramming, the
    current value follows it (before any reprogramming both are the same figure).
    """
    unknown = set(values) - GOAL_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(_("Campos no editables de la meta: %(f)s.") % {"f": ", ".join(sorted(unknown))})
    plan = goal_plan(goal)
    plan_ensure_editable_by(user=user, plan=plan)
    plan_ensure_not_approved(
        plan=plan, message=_("El plan «%(plan)s» está aprobado: cambie la meta mediante una reprogramación.")
    )
    for measure, (initial, current) in MEASURE_FIELDS.items():
        if initial in values and current not in values and not _has_approved_reprogramming(goal, measure):
            values[current] = values[initial]
    for field, value in values.items():
        setattr(goal, field, value)
    save_with_history(goal, user=user, reason=reason or _("Edición directa de la meta"))
    return goal


def _has_approved_reprogramming(goal: Goal, measure: str) -> bool:
    return (
        goal.pk is not None
        and goal.reprogrammings.filter(measure=measure, status=Reprogramming.Status.APPROVED).exists()
    )


def goal_current_value(*, goal: Goal, measure: str) -> Decimal:
    return Decimal(getattr(goal, MEASURE_FIELDS[measure][1])).quantize(Decimal("0.01"))
