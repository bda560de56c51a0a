"""Who may read and edit indicator sheets.

Planning staff, directors, auditors and SEGEPLAN read the sheets; planning staff of the plan's
institution edit them while the plan is not approved. Pages and services call these; a refusal
for the role is a ``PermissionDenied``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from planning.models import Plan
from planning.services.plans import plan_ensure_not_approved


def ensure_sheet_reader(user) -> None:
    if not user.reads_everything:
        raise PermissionDenied("Su rol no permite consultar las fichas ni el tablero institucional.")


def ensure_sheet_editor(user) -> None:
    """The pages' first check, before the plan is known: only planning staff edit sheets."""
    if not (user.is_superuser or user.is_planning_staff):
        raise PermissionDenied("Solo el personal de planificación edita las fichas técnicas.")


def ensure_sheets_editable(*, user, plan: Plan) -> None:
    """Planning staff of the plan's institution edit its sheets, and only while it is not approved
    (an approved plan is a ``ValidationError``: the sheets stay as approved)."""
    if not (user.is_superuser or (user.is_planning_staff and user.institution_id == plan.institution_id)):
        raise PermissionDenied(_("Solo el personal de planificación de la institución edita las fichas."))
    plan_ensure_not_approved(
        plan=plan,
        message=_("El plan «%(plan)s» está aprobado: sus fichas técnicas quedan como se aprobaron."),
    )
