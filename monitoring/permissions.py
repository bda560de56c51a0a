"""Who may read the dashboard and the monthly activity report, and who reports achievements.

Planning staff, directors, auditors and SEGEPLAN read the whole dashboard; a cost-centre officer
sees only the progress of their own cost centres and, like planning staff, reports the month's
achievements. Pages and services call these; each refusal is a ``PermissionDenied``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def ensure_dashboard_reader(user) -> None:
    if not (user.reads_everything or user.is_officer):
        raise PermissionDenied("Su rol no permite consultar el tablero.")


def dashboard_cost_centres(*, user, institution) -> list | None:
    """The cost centres whose execution ``user`` sees on the dashboard; None for all of them."""
    return None if user.reads_everything else list(user.cost_centres.filter(institution=institution))


def ensure_activity_reader(user) -> None:
    if not (user.reads_everything or user.is_officer):
        raise PermissionDenied("Su rol no permite consultar el informe de actividades.")


def achievements_reportable_by(user) -> bool:
    """Whether pages offer ``user`` to report an achievement: planning staff and officers."""
    return user.is_superuser or user.is_planning_staff or user.is_officer


def ensure_achievement_reporter(user) -> None:
    if not achievements_reportable_by(user):
        raise PermissionDenied("Su rol no permite registrar logros.")


def may_report_achievements(*, user, institution_id: int) -> bool:
    """Planning staff and officers report achievements of their own institution."""
    return user.is_superuser or (
        user.institution_id == institution_id and (user.is_planning_staff or user.is_officer)
    )


def ensure_achievement_reporter_for(*, user, institution_id: int) -> None:
    if not may_report_achievements(user=user, institution_id=institution_id):
        raise PermissionDenied(_("Su rol no permite registrar logros de esta institución."))


def achievement_editable_by(*, user, created_by_id: int | None) -> bool:
    """Planning staff edit every unit's achievements; anyone else only those they entered."""
    return user.is_superuser or user.is_planning_staff or created_by_id == user.pk


def achievement_may_edit(*, user, achievement) -> bool:
    """The rule above, for a reporter of the achievement's institution."""
    if not may_report_achievements(user=user, institution_id=achievement.institution_id):
        return False
    return achievement_editable_by(user=user, created_by_id=achievement.created_by_id)


def ensure_achievement_editable(*, user, achievement) -> None:
    if not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede modificarlo."))


def ensure_achievement_removable(*, user, achievement) -> None:
    if not achievement_may_edit(user=user, achievement=achievement):
        raise PermissionDenied(_("Solo quien registró el logro o planificación puede eliminarlo."))
