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
from planning.selectors.programming import goal_months
from planning.services.goals import MEASURE_FIELDS, goal_current_value
from planning.services.history import save_with_history
from planning.services.programming import programming_write
from planning.spreads import MEASURE_QUANTUM, MONTH_COUNT, measure_figure, months_problem, respread


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
    months: list | None = None,
    spread_rest: bool = False,
) -> Reprogramming:
    """Record a request to change a goal's current value; the lead decides later.

    When the goal's measure is programmed by month, the request carries its new programming: the
    months before the effective date's month are closed and keep their figures; the others are
    ``months`` as typed, or (``spread_rest``) what the closed months leave of the new value spread
    evenly. Either way the twelve months must add up exactly to the new value.
    """
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
    old_months = goal_months([goal]).get(goal.id, {}).get(measure)
    new_months = (
        _new_months(goal, measure, value, old_months, effective_date, months, spread_rest)
        if old_months is not None
        else None
    )
    reprogramming = Reprogramming(
        goal=goal,
        measure=measure,
        old_value=old_value,
        new_value=value,
        old_months=_as_json(old_months),
        new_months=_as_json(new_months),
        effective_date=effective_date,
        justification=(justification or "").strip(),
        supporting_act=(supporting_act or "").strip(),
        requested_by=user,
    )
    if not reprogramming.supporting_act:
        raise ValidationError({"supporting_act": _("Indique el acto que respalda la reprogramación.")})
    save_with_history(reprogramming, user=user, reason=_("Solicitud de reprogramación"))
    return reprogramming


def closed_month_count(effective_date: datetime.date, year: int) -> int:
    """Months of ``year`` closed at ``effective_date``: those before its month."""
    if effective_date.year != year:
        return 0 if effective_date.year < year else MONTH_COUNT
    return effective_date.month - 1


def _as_json(months) -> list[str]:
    return [f"{value:.2f}" for value in months] if months is not None else []


def _new_months(goal, measure, value, old_months, effective_date, months, spread_rest) -> list[Decimal]:
    closed = closed_month_count(effective_date, goal.year)
    if spread_rest:
        new = respread(value, old_months, closed, quantum=MEASURE_QUANTUM[measure])
        if new is None:
            raise ValidationError(
                {
                    "new_value": _("Los meses cerrados ya suman %(kept)s, más que la nueva meta %(value)s.")
                    % {
                        "kept": measure_figure(sum(old_months[:closed], Decimal(0)), measure),
                        "value": measure_figure(value, measure),
                    }
                }
            )
        return new
    if not months or all(month is None for month in months[closed:]):
        raise ValidationError(
            _(
                "La meta está programada por mes: escriba la nueva programación de los meses abiertos "
                "o elija repartir por igual lo que falta."
            )
        )
    for month in range(closed):
        if months[month] is not None and months[month] != old_months[month]:
            raise ValidationError(
                _("El mes %(month)s está cerrado y conserva su programación (%(value)s).")
                % {"month": month + 1, "value": measure_figure(old_months[month], measure)}
            )
    new = [
        old_months[i] if i < closed else (months[i] if months[i] is not None else Decimal(0))
        for i in range(12)
    ]
    problem = months_problem(months=new, goal=value, measure=measure, name=str(goal.owner))
    if problem:
        raise ValidationError(problem[1])
    return new


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
    _apply_months(reprogramming, goal, user=user)
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


def _apply_months(reprogramming: Reprogramming, goal: Goal, *, user) -> None:
    """The request's new programming replaces the measure's months, if they are still those it saw."""
    current = goal_months([goal]).get(goal.id, {}).get(reprogramming.measure)
    if _as_json(current) != reprogramming.old_months:
        raise ValidationError(
            _(
                "La programación mensual de la meta cambió después de la solicitud: recházela y "
                "solicite una nueva con la programación vigente."
            )
        )
    if reprogramming.new_months:
        programming_write(
            goals={goal.subproduct_id: goal},
            entries={
                goal.subproduct_id: {reprogramming.measure: [Decimal(v) for v in reprogramming.new_months]}
            },
            user=user,
            reason=_("Reprogramación n.º %(id)s aprobada") % {"id": reprogramming.pk},
        )


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
