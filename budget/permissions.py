"""Who may read and write execution; used by the pages, the API, the selectors and the services.

Predicates answer True or False; ``ensure_*`` raise ``PermissionDenied`` with the reason in words.
``user`` is None when the system itself writes (the command line without ``--user``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.security import duties_ensure_separate
from planning.models import Institution

from .models import CostCentre, ExecutionUpload


def execution_user_plans(*, user) -> bool:
    """Planning staff (and superusers) manage every cost centre's execution."""
    return user is not None and (user.is_superuser or user.is_planning_staff)


def execution_user_writes(*, user) -> bool:
    return execution_user_plans(user=user) or (user is not None and (user.is_officer or user.is_integration))


def execution_writable_cost_centre_ids(*, user, institution: Institution) -> set[int] | None:
    """The cost centres whose execution the user may write; None means all of them."""
    if user is None or execution_user_plans(user=user) or user.is_integration:
        return None  # an integration writes the cost centres of the institution its token is scoped to
    if not user.is_officer:
        return set()
    return set(user.cost_centres.filter(institution=institution).values_list("id", flat=True))


def execution_user_can_write(*, user, cost_centre: CostCentre) -> bool:
    allowed = execution_writable_cost_centre_ids(user=user, institution=cost_centre.institution)
    return allowed is None or cost_centre.id in allowed


def execution_cost_centres_readable(*, user, centres: QuerySet[CostCentre]) -> QuerySet[CostCentre]:
    """Officers see their own cost centres; planning staff, directors and auditors see all of theirs."""
    if user.is_superuser or (user.reads_everything and user.institution_id is None):
        return centres
    if user.reads_everything:
        return centres.filter(institution_id=user.institution_id)
    if user.is_officer:
        return centres.filter(officers=user)
    return centres.none()


def execution_uploads_readable(*, user, uploads: QuerySet[ExecutionUpload]) -> QuerySet[ExecutionUpload]:
    """Planning staff, directors and auditors see every upload of their institution; officers their own."""
    if user.is_superuser or (user.reads_everything and user.institution_id is None):
        return uploads
    if user.reads_everything:
        return uploads.filter(institution_id=user.institution_id)
    return uploads.filter(uploaded_by=user)


def execution_upload_downloadable(*, user, upload: ExecutionUpload) -> bool:
    """The original file goes back to planning staff, auditors and whoever uploaded it."""
    return (
        execution_user_plans(user=user)
        or user.role == Role.AUDITOR
        or (upload.uploaded_by_id is not None and upload.uploaded_by_id == user.id)
    )


def execution_upload_confirmable(*, user, upload: ExecutionUpload) -> bool:
    """Whoever uploaded the file, or planning, confirms its preview."""
    return upload.uploaded_by_id == getattr(user, "pk", None) or execution_user_plans(user=user)


def execution_readable_by(*, user) -> bool:
    """Planning staff, directors, auditors and SEGEPLAN read execution; officers their own centres'
    (``execution_cost_centres_readable`` narrows them); nobody else."""
    return user.reads_everything or user.is_officer


def ensure_execution_reader(*, user) -> None:
    """The execution pages' and API's first check; the rows are then narrowed to the user's."""
    _ensure(execution_readable_by(user=user), _("Su rol no permite consultar la ejecución."))


def execution_dashboard_opens(*, user) -> bool:
    """The dashboard is one institution's: readers without one (SEGEPLAN) have none to open."""
    return user.reads_everything and user.institution is not None


def _ensure(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def ensure_execution_writer(*, user) -> None:
    """Uploads, imports and the entry grid; the system (no user) always writes."""
    _ensure(
        user is None or execution_user_writes(user=user),
        _("Su rol no permite cargar ni capturar ejecución mensual."),
    )


def ensure_uploader(*, user) -> None:
    """The upload page: a writer of an institution."""
    _ensure(
        execution_user_writes(user=user) and user.institution is not None,
        _("Su rol no permite cargar ejecución mensual."),
    )


def ensure_cost_centre_writer(*, user, cost_centre: CostCentre) -> None:
    _ensure(
        execution_user_can_write(user=user, cost_centre=cost_centre),
        _("Solo los encargados del centro de costo o planificación pueden capturar su ejecución."),
    )


def ensure_upload_confirmer(*, user, upload: ExecutionUpload) -> None:
    _ensure(
        execution_upload_confirmable(user=user, upload=upload),
        _("Solo quien subió el archivo o planificación pueden confirmarlo."),
    )


def ensure_upload_downloader(*, user, upload: ExecutionUpload) -> None:
    _ensure(
        execution_upload_downloadable(user=user, upload=upload),
        _("Solo planificación, auditoría o quien subió el archivo pueden descargarlo."),
    )


def ensure_month_submitter(*, user, cost_centre: CostCentre) -> None:
    """The cost centre's officers (or planning) send its month for review."""
    _ensure(
        user.pk in set(cost_centre.officers.values_list("id", flat=True)) or execution_user_plans(user=user),
        _("Solo los encargados del centro de costo pueden enviar su mes."),
    )


def ensure_month_reviewer(*, user) -> None:
    _ensure(
        execution_user_plans(user=user),
        _("Solo el personal de planificación puede aprobar o devolver un mes."),
    )


def ensure_month_approver(*, user, submitted_by_id: int | None) -> None:
    """Planning approves a month, but not one it sent itself (separation of duties)."""
    ensure_month_reviewer(user=user)
    duties_ensure_separate(
        user=user,
        submitted_by_id=submitted_by_id,
        message=_("Usted envió este mes: otra persona de planificación debe aprobarlo."),
    )


def ensure_dashboard_reader(*, user) -> None:
    _ensure(
        execution_dashboard_opens(user=user),
        _("El tablero de ejecución es para planificación, dirección y auditoría."),
    )


def ensure_period_locker(*, user) -> None:
    """The lock form: planning (superusers included) locks and asks to unlock."""
    _ensure(
        execution_user_plans(user=user),
        _("Solo planificación puede bloquear o desbloquear un cuatrimestre."),
    )


def ensure_period_unlocker(*, user) -> None:
    """Only planning staff unlock: the unlock is recorded with their reason."""
    _ensure(
        getattr(user, "is_planning_staff", False),
        _("Solo el personal de planificación puede desbloquear un cuatrimestre."),
    )
