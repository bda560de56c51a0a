"""Requests to change an approved plan's goal, and the planning lead's decision."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planning.models import Goal, Measure, Reprogramming
from planning.permissions import plan_ensure_editable_by, reprogramming_ensure_decidable_by
from planning.selectors.goals import goal_plan
from planning.services.goals import MEASURE_FIELDS, goal_current_value
from planning.services.history import save_with_history


def _clean_new_value(measure: str, new_value) -> Decimal:
    try:
        value = Decimal(str(new_value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"new_value": _("Escriba un número válido.")}) from exc
    if value < 0:
        raise ValidationError({"new_value": _("El valor nuevo no puede ser negativo.")})
    if measure == Measure.PHYSICAL and value != value.to_integral_value():
        raise ValidationError({"new_value": _("La meta física se expresa en unidades enteras.")})
    return value


@transaction.atomic
def reprogramming_request(
    *,
    goal: Goal,
    measure: str,
    new_value,
    justification: str,
    supporting_act: str,
    effective_date: datetime.date,
    user,
) -> Reprogramming:
    """Record a request to change a goal's current value; the lead decides later."""
    plan = goal_plan(goal)
    plan_ensure_editable_by(user=user, plan=plan)
    if measure not in MEASURE_FIELDS:
        raise ValidationError({"measure": _("Elija meta física o financiera.")})
    if not plan.is_approved:
        raise ValidationError(
            _("El plan «%(plan)s» no está aprobado: edite la meta directamente.") % {"plan": plan}
        )
    value = _clean_new_value(measure, new_value)
    old_value = goal_current_value(goal=goal, measure=measure)
    if value == old_value:
        raise ValidationError({"new_value": _("El valor nuevo es igual a la meta vigente.")})
    if goal.reprogrammings.filter(measure=measure, status=Reprogramming.Status.REQUESTED).exists():
        raise ValidationError(
            _("Ya hay una reprogramación pendiente de la meta %(measure)s; espere su decisión.")
            % {"measure": Measure(measure).label.lower()}
        )
    reprogramming = Reprogramming(
        goal=goal,
        measure=measure,
        old_value=old_value,
        new_value=value,
        effective_date=effective_date,
        justification=(justification or "").strip(),
        supporting_act=(supporting_act or "").strip(),
        requested_by=user,
    )
    if not reprogramming.supporting_act:
        raise ValidationError({"supporting_act": _("Indique el acto que respalda la reprogramación.")})
    save_with_history(reprogramming, user=user, reason=_("Solicitud de reprogramación"))
    return reprogramming


def _ensure_decidable(*, reprogramming: Reprogramming, user) -> None:
    reprogramming_ensure_decidable_by(user=user, reprogramming=reprogramming)
    if reprogramming.status != Reprogramming.Status.REQUESTED:
        raise ValidationError(
            _("La reprogramación ya fue %(status)s.") % {"status": reprogramming.get_status_display().lower()}
        )


def _decide(*, reprogramming: Reprogramming, user, status: str, comment: str, reason: str) -> None:
    reprogramming.status = status
    reprogramming.decided_by = user
    reprogramming.decided_at = timezone.now()
    reprogramming.approver_name = str(user) if status == Reprogramming.Status.APPROVED else ""
    reprogramming.decision_comment = (comment or "").strip()
    save_with_history(reprogramming, user=user, reason=reason)


@transaction.atomic
def reprogramming_approve(*, reprogramming: Reprogramming, user, comment: str = "") -> Reprogramming:
    """Approve a request and move the goal's current value to the new value, together."""
    reprogramming = Reprogramming.objects.select_for_update().get(pk=reprogramming.pk)
    _ensure_decidable(reprogramming=reprogramming, user=user)
    goal = Goal.objects.select_for_update().get(pk=reprogramming.goal_id)
    current = goal_current_value(goal=goal, measure=reprogramming.measure)
    if current != reprogramming.old_value:
        raise ValidationError(
            _(
                "La solicitud partía de una meta vigente de %(old)s, pero hoy es %(current)s: "
                "recházela y solicite una nueva."
            )
            % {"old": reprogramming.old_value, "current": current}
        )
    field = MEASURE_FIELDS[reprogramming.measure][1]
    new_value = reprogramming.new_value
    setattr(goal, field, int(new_value) if reprogramming.measure == Measure.PHYSICAL else new_value)
    _decide(
        reprogramming=reprogramming,
        user=user,
        status=Reprogramming.Status.APPROVED,
        comment=comment,
        reason=_("Aprobación de reprogramación"),
    )
    save_with_history(
        goal, user=user, reason=_("Reprogramación n.º %(id)s aprobada") % {"id": reprogramming.pk}
    )
    return reprogramming


@transaction.atomic
def reprogramming_reject(*, reprogramming: Reprogramming, user, comment: str) -> Reprogramming:
    """Reject a request, saying why; the goal does not change."""
    reprogramming = Reprogramming.objects.select_for_update().get(pk=reprogramming.pk)
    _ensure_decidable(reprogramming=reprogramming, user=user)
    if not (comment or "").strip():
        raise ValidationError({"decision_comment": _("Explique el motivo del rechazo.")})
    _decide(
        reprogramming=reprogramming,
        user=user,
        status=Reprogramming.Status.REJECTED,
        comment=comment,
        reason=_("Rechazo de reprogramación"),
    )
    return reprogramming
