"""Who may read and write what in reporting; used by the pages, the API, the selectors and the services.

Predicates answer True or False; ``ensure_*`` raise ``PermissionDenied`` with the reason in words.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.security import duties_ensure_separate
from planning.models import Institution, Subproduct

# Roles that may request, read and download reports of their institution.
REPORT_READERS = frozenset({Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR, Role.SEGEPLAN})


def reads_reports(*, user) -> bool:
    """The user's role reads reports at all (of their institution, or every one without one)."""
    return user.is_authenticated and (user.is_superuser or user.role in REPORT_READERS)


def ensure_report_reader(*, user) -> None:
    """The reports' pages and API: officers and API-only users read no reports."""
    if not reads_reports(user=user):
        raise PermissionDenied(_("Su rol no permite consultar los reportes."))


def can_read_reports(*, user, institution: Institution) -> bool:
    """Readers read their own institution's reports; superusers and SEGEPLAN (no institution) all."""
    if not reads_reports(user=user):
        return False
    return user.is_superuser or user.institution_id is None or user.institution_id == institution.pk


def is_report_planner(*, user, institution: Institution) -> bool:
    """Planning staff of the institution: they send its report and explain its deviations."""
    return user.is_planning_staff and user.institution_id == institution.pk


def is_report_director(*, user, institution: Institution) -> bool:
    """The institution's highest authority: returns, approves and signs its report."""
    return user.is_director and user.institution_id == institution.pk


def is_officer(*, user) -> bool:
    """A cost-centre officer of an institution: explains the deviations of what their centres produce."""
    return user.is_officer and user.institution_id is not None


def officer_subproducts(*, user) -> QuerySet[Subproduct]:
    """Subproducts of the officer's institution that a cost centre in their charge produces."""
    if not is_officer(user=user):
        return Subproduct.objects.none()
    # One filter() call: the same cost centre must have the officer and be of their institution.
    return Subproduct.objects.filter(
        product__plan__institution_id=user.institution_id,
        cost_centres__officers=user,
        cost_centres__institution_id=user.institution_id,
    ).distinct()


def ensure_report_planner(*, user, institution: Institution) -> None:
    if not is_report_planner(user=user, institution=institution):
        raise PermissionDenied(_("Solo el personal de planificación de la institución envía el reporte."))


def ensure_report_director(*, user, institution: Institution) -> None:
    if not is_report_director(user=user, institution=institution):
        raise PermissionDenied(_("Solo la máxima autoridad de la institución puede aprobar y firmar."))


def ensure_report_approver(*, user, institution: Institution, submitted_by_id: int | None) -> None:
    """The director approves the report, but not one they sent themselves (separation of duties)."""
    ensure_report_director(user=user, institution=institution)
    duties_ensure_separate(
        user=user,
        submitted_by_id=submitted_by_id,
        message=_("Usted envió este reporte: otra persona debe aprobarlo."),
    )


def deviation_notes_ensure_writable(
    *, user, institution: Institution, subproduct_ids
) -> dict[int, Subproduct]:
    """The subproducts whose deviations ``user`` explains (planning staff of the institution, or an
    officer of a cost centre producing each), by id; refused when any is not theirs. One query."""
    if is_report_planner(user=user, institution=institution):
        writable = Subproduct.objects.filter(product__plan__institution=institution)
    else:
        writable = officer_subproducts(user=user)
    wanted = set(subproduct_ids)
    found = {s.pk: s for s in writable.filter(pk__in=wanted)}
    if len(found) < len(wanted):
        raise PermissionDenied(_("Solo la unidad responsable o planificación pueden explicar la desviación."))
    return found


def ensure_officer(*, user) -> None:
    if not is_officer(user=user):
        raise PermissionDenied
