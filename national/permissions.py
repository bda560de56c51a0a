"""Who reads the national view: SEGEPLAN and superusers every institution; an institution's own staff
(auditor, planning, director, cost-centre officers) their institution's line only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import Role
from planning.models import Institution
from planning.selectors.plans import institution_list_for_user
from reporting.permissions import REPORT_READERS

NATIONAL_READERS = REPORT_READERS | {Role.OFFICER}


def reads_national(*, user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in NATIONAL_READERS)


def national_institutions(*, user) -> QuerySet[Institution]:
    """The institutions whose line the user sees (none for a role that does not read it)."""
    if not reads_national(user=user):
        return Institution.objects.none()
    return institution_list_for_user(user=user)


def ensure_national_reader(*, user) -> None:
    if not reads_national(user=user):
        raise PermissionDenied(_("Su rol no consulta el avance nacional."))
