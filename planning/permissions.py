"""Who may read and write planning's records: one rule each, for pages, services and other apps.

``*_by`` answers yes or no (what a page offers); ``*_ensure_*`` refuses with ``PermissionDenied``
and a Spanish message that the 403 page shows as is.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from planning.models import Institution, Plan, Reprogramming
from planning.selectors.goals import goal_plan
from planning.selectors.plans import institution_list_for_user


def _same_institution(user, plan: Plan) -> bool:
    return user.is_superuser or user.institution_id == plan.institution_id


def plans_readable_by(*, user) -> bool:
    """Planning staff, directors, auditors and SEGEPLAN read plans; officers and API clients do not."""
    return getattr(user, "reads_everything", False)


def plans_ensure_readable_by(*, user) -> None:
    if not plans_readable_by(user=user):
        raise PermissionDenied(_("Su rol no permite consultar los planes."))


def plan_ensure_readable_by(*, user, plan: Plan) -> None:
    """Planning staff, directors and auditors of the institution (and SEGEPLAN) read plans."""
    plans_ensure_readable_by(user=user)
    if user.institution_id is not None and not _same_institution(user, plan):
        raise PermissionDenied(_("El plan «%(plan)s» es de otra institución.") % {"plan": plan})


def plan_ensure_editable_by(*, user, plan: Plan) -> None:
    """Only planning staff of the plan's institution write the chain."""
    if not (user.is_superuser or getattr(user, "is_planning_staff", False)):
        raise PermissionDenied(_("Solo el personal de planificación puede modificar los planes."))
    if not _same_institution(user, plan):
        raise PermissionDenied(_("El plan «%(plan)s» es de otra institución.") % {"plan": plan})


def plan_editable_by(*, user, plan: Plan) -> bool:
    try:
        plan_ensure_editable_by(user=user, plan=plan)
    except PermissionDenied:
        return False
    return True


def plan_content_editable_by(*, user, plan: Plan) -> bool:
    """Whether pages offer ``user`` to edit the plan's goals and indicator sheets: planning staff of
    its institution while the plan is not approved (``plan_ensure_not_approved`` refuses after)."""
    return plan_editable_by(user=user, plan=plan) and not plan.is_approved


def plan_approvable_by(*, user) -> bool:
    """Only the planning lead marks a plan approved."""
    return user.is_superuser or user.is_planning_lead


def institution_ensure_readable_by(*, user, institution: Institution) -> None:
    plans_ensure_readable_by(user=user)
    if not institution_list_for_user(user=user).filter(pk=institution.pk).exists():
        raise PermissionDenied(_("No tiene acceso a esta institución."))


def institutions_ensure_editable_by(*, user) -> None:
    """The institution forms open to administrators and planning staff; which institution each may
    save is ``institution_editable_by``."""
    if not (user.is_superuser or user.is_planning_staff):
        raise PermissionDenied(_("Solo el personal de planificación puede modificar la institución."))


def institution_editable_by(*, user, institution: Institution) -> bool:
    """Administrators register institutions; planning staff keep their own institution's data."""
    own = institution.pk is not None and user.is_planning_staff and user.institution_id == institution.pk
    return user.is_superuser or own


def institution_ensure_editable_by(*, user, institution: Institution) -> None:
    if not institution_editable_by(user=user, institution=institution):
        raise PermissionDenied(_("Solo el personal de planificación de la institución puede modificarla."))


def reprogrammings_ensure_requestable_by(*, user) -> None:
    """Planning staff of an institution request reprogrammings of its approved plans."""
    if not (getattr(user, "is_planning_staff", False) and user.institution_id is not None):
        raise PermissionDenied(_("Solo el personal de planificación puede solicitar reprogramaciones."))


def reprogramming_decidable_by(*, user, reprogramming: Reprogramming) -> bool:
    """The planning lead of the goal's institution approves or rejects reprogrammings."""
    return getattr(user, "is_planning_lead", False) and _same_institution(user, goal_plan(reprogramming.goal))


def reprogramming_ensure_decidable_by(*, user, reprogramming: Reprogramming) -> None:
    if not reprogramming_decidable_by(user=user, reprogramming=reprogramming):
        raise PermissionDenied(
            _("Solo la jefatura de planificación puede aprobar o rechazar reprogramaciones.")
        )


def annual_plan_creatable_by(*, user, plan: Plan) -> bool:
    """Planning staff of the institution create the POA of a year from its POM."""
    return plan.kind == Plan.Kind.POM and plan_editable_by(user=user, plan=plan)


def programming_editable_by(*, user, plan: Plan) -> bool:
    """Whether pages offer ``user`` to program a plan by month: planning staff of its institution,
    on a POA not yet approved (after approval, reprogrammings change it)."""
    return plan.kind == Plan.Kind.POA and plan_content_editable_by(user=user, plan=plan)


def programming_ensure_readable_by(*, user, plan: Plan) -> None:
    """The programming is read by whoever reads the plan (its page, its file and the API)."""
    plan_ensure_readable_by(user=user, plan=plan)


def programming_ensure_writable_by(*, user, plan: Plan) -> None:
    """Planning staff of the plan's institution write its programming; so does an institution's API
    client (the API bounds its token to its institution); ``user`` None is the system."""
    if user is None or (
        getattr(user, "is_integration", False) and user.institution_id in (None, plan.institution_id)
    ):
        return
    plan_ensure_editable_by(user=user, plan=plan)


def strategic_frame_editable_by(*, user, institution: Institution) -> bool:
    """Planning staff of the institution keep its strategic frame (mission, vision, values,
    objectives and the header of the published frame)."""
    own = getattr(user, "is_planning_staff", False) and user.institution_id == institution.pk
    return user.is_superuser or own


def strategic_frame_ensure_editable_by(*, user, institution: Institution) -> None:
    if not strategic_frame_editable_by(user=user, institution=institution):
        raise PermissionDenied(
            _("Solo el personal de planificación de la institución puede modificar su marco estratégico.")
        )
