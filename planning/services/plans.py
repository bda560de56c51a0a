"""Writes of institutions and plans, and what an approved plan fixes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import Institution, Plan
from planning.permissions import institution_ensure_editable_by, plan_approvable_by, plan_ensure_editable_by
from planning.services.history import save_with_history


@transaction.atomic
def institution_save(*, institution: Institution, user) -> Institution:
    """Administrators register institutions; planning staff keep their own institution's data."""
    institution_ensure_editable_by(user=user, institution=institution)
    save_with_history(institution, user=user, reason=_("Edición de la institución"))
    return institution


@transaction.atomic
def plan_save(*, plan: Plan, user) -> Plan:
    """Create or edit a plan; only the planning lead marks it approved, with its act and date."""
    plan_ensure_editable_by(user=user, plan=plan)
    was_approved = (
        plan.pk is not None and Plan.objects.filter(pk=plan.pk, status=Plan.Status.APPROVED).exists()
    )
    if plan.is_approved and not was_approved and not plan_approvable_by(user=user):
        raise ValidationError({"status": _("Solo la jefatura de planificación puede aprobar un plan.")})
    if plan.is_approved and not (plan.approval_act and plan.approval_date):
        raise ValidationError({"approval_act": _("Un plan aprobado necesita su acto y fecha de aprobación.")})
    save_with_history(plan, user=user, reason=_("Edición del plan"))
    return plan


def plan_ensure_not_approved(*, plan: Plan, message: str) -> None:
    """What an approved plan fixed (goals, indicator sheets) stays as approved; ``message`` names
    the plan as «%(plan)s» and says what applies instead."""
    if plan.is_approved:
        raise ValidationError(message % {"plan": plan}, code="plan_approved")
