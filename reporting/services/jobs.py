"""Report jobs: a document asked for, then query → render → (sign) → store, on Celery or in process;
results reused when the data are identical; lost jobs reconciled."""

from __future__ import annotations

import hashlib
import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.services.locks import period_lock
from indicators.permissions import ensure_sheet_reader
from planning.models import Institution, Plan
from reporting import signing
from reporting.kinds import document_kind
from reporting.models import PeriodReport, ReportJob
from reporting.permissions import (
    can_read_reports,
)
from reporting.renderers.html import render_html
from reporting.renderers.indicator_sheets import render_plan_sheets_pdf
from reporting.renderers.json_document import render_json
from reporting.renderers.pdf import render_pdf
from reporting.renderers.xlsx import render_xlsx
from reporting.selectors.documents import period_report_for, report_document
from reporting.services import WorkflowError

logger = logging.getLogger(__name__)

RENDERERS = {
    ReportJob.Format.HTML: render_html,
    ReportJob.Format.PDF: render_pdf,
    ReportJob.Format.XLSX: render_xlsx,
    ReportJob.Format.JSON: render_json,
}
ACTIVE = (ReportJob.Status.QUEUED, ReportJob.Status.RUNNING)


def _enqueue(job_id: int) -> None:
    # Imported when called: reporting.tasks imports this module (its tasks run these services).
    from reporting.tasks import run_report_job

    transaction.on_commit(lambda: run_report_job.delay(job_id))


def _queued(job: ReportJob) -> ReportJob:
    """The new job validated, stored and sent to a worker once the transaction commits."""
    job.full_clean()
    job.save()
    _enqueue(job.pk)
    return job


def _job_new(*, institution, year, period, format, user=None, signed=False, period_report=None) -> ReportJob:
    job = ReportJob(
        institution=institution,
        year=year,
        period=period,
        format=format,
        signed=signed,
        period_report=period_report,
        requested_by=user,
        parameters={
            "institution": institution.code,
            "year": year,
            "period": period,
            "format": format,
            "signed": signed,
        },
    )
    job.full_clean()
    job.save()
    return job


def job_create(**fields) -> ReportJob:
    job = _job_new(**fields)
    _enqueue(job.pk)
    return job


@transaction.atomic
def report_job_request(*, institution: Institution, year: int, period: int, format: str, user) -> ReportJob:
    """Ask for a rendering; a job already waiting for the same parameters is returned instead."""
    if not can_read_reports(user=user, institution=institution):
        raise PermissionDenied(_("No tiene permiso para generar reportes de esta institución."))
    pending = ReportJob.objects.filter(
        institution=institution, year=year, period=period, format=format, signed=False, status__in=ACTIVE
    ).first()
    if pending is not None:
        return pending
    return job_create(institution=institution, year=year, period=period, format=format, user=user)


@transaction.atomic
def indicator_sheets_job_request(*, plan: Plan, user) -> ReportJob:
    """Ask for one PDF of every indicator sheet of a plan; a job already waiting is returned instead."""
    ensure_sheet_reader(user)
    if not can_read_reports(user=user, institution=plan.institution):
        raise PermissionDenied(_("No tiene permiso para generar documentos de esta institución."))
    kind = ReportJob.Kind.INDICATOR_SHEETS
    pending = ReportJob.objects.filter(kind=kind, plan=plan, status__in=ACTIVE).first()
    if pending is not None:
        return pending
    job = ReportJob(
        kind=kind,
        plan=plan,
        institution=plan.institution,
        year=plan.start_year,
        format=ReportJob.Format.PDF,
        requested_by=user,
        parameters={"plan": plan.pk, "institution": plan.institution.code, "format": "pdf"},
    )
    return _queued(job)


def document_job_request(
    *, kind: str, year: int, period: int, format: str, parameters: dict, user
) -> ReportJob:
    """Ask for a registered document (``reporting.kinds``); it is rendered for the requester's scope."""
    registered = document_kind(kind)
    if registered is None or format not in registered.formats:
        raise WorkflowError(_("Documento o formato desconocido."))
    if not registered.may_request(user):
        raise PermissionDenied(_("No tiene permiso para generar este documento."))
    job = ReportJob(
        kind=kind,
        year=year,
        period=period,
        format=format,
        requested_by=user,
        parameters={**parameters, "kind": kind, "format": format},
    )
    return _queued(job)


def report_job_render_now(
    *, institution: Institution, year: int, period: int, format: str, signed: bool = False
) -> ReportJob:
    """The command line's rendering: the same job and stages, run in this process. A signed copy
    of a period already signed is the stored signed document itself."""
    period_report = period_report_for(institution=institution, year=year, period=period)
    if signed and period_report is not None and period_report.status == PeriodReport.Status.SIGNED:
        stored = period_report.jobs.filter(signed=True, status=ReportJob.Status.DONE).first()
        if stored is not None:
            return stored
    job = _job_new(institution=institution, year=year, period=period, format=format, signed=signed)
    report_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


@transaction.atomic
def report_job_retry(*, job: ReportJob, user) -> ReportJob:
    job = ReportJob.objects.select_for_update().get(pk=job.pk)
    if not _job_owner(user=user, job=job):
        raise PermissionDenied(_("No tiene permiso sobre este trabajo."))
    if job.status != ReportJob.Status.FAILED:
        raise WorkflowError(_("Solo un trabajo fallido puede reintentarse."))
    job.status, job.stage, job.percent, job.error = ReportJob.Status.QUEUED, "", 0, ""
    job.heartbeat_at = timezone.now()  # so the reconciler does not take it for a lost job
    job.save(update_fields=["status", "stage", "percent", "error", "heartbeat_at"])
    _enqueue(job.pk)
    return job


def _job_owner(*, user, job: ReportJob) -> bool:
    if job.institution_id is None:
        return job.requested_by_id == user.pk
    return can_read_reports(user=user, institution=job.institution)


def _progress(job: ReportJob, stage: str, percent: int) -> None:
    """Visible at once to the UI (outside any transaction) and a heartbeat for the reconciler."""
    job.stage, job.percent = stage, percent
    ReportJob.objects.filter(pk=job.pk).update(stage=stage, percent=percent, heartbeat_at=timezone.now())


@transaction.atomic
def _job_claim(job_id: int) -> ReportJob | None:
    job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.status in (ReportJob.Status.DONE, ReportJob.Status.FAILED):
        return None  # a redelivered message for a finished job: nothing to do
    # Queued, or running from an attempt whose worker died (the broker only redelivers then).
    job.status, job.attempts = ReportJob.Status.RUNNING, job.attempts + 1
    job.started_at = job.heartbeat_at = timezone.now()
    job.worker = f"{socket.gethostname()}:{os.getpid()}"
    job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", "worker"])
    return job


def report_job_run(*, job_id: int) -> ReportJob | None:
    """Run a job through its stages. Safe to run again after a crash: the result is stored once,
    under a path owned by the job, and a job already done is left alone."""
    job = _job_claim(job_id)
    if job is None:
        return None
    try:
        if job.kind == ReportJob.Kind.INDICATOR_SHEETS:
            return _indicator_sheets_run(job)
        if job.kind != ReportJob.Kind.SIPLAN:
            return _document_run(job)
        _progress(job, ReportJob.Stage.QUERY, 5)
        document = report_document(institution=job.institution, year=job.year, period=job.period)
        if job.period_report_id and document.draft:
            raise WorkflowError(_("El reporte no está aprobado; no puede firmarse."))
        fingerprint = document.fingerprint(format=job.format, signed=job.signed)
        ReportJob.objects.filter(pk=job.pk).update(fingerprint=fingerprint)
        reusable = _reusable_result(job, fingerprint)
        if reusable is not None:
            return _job_finish(job, reused=reusable)
        _progress(job, ReportJob.Stage.RENDER, 25)
        content = RENDERERS[job.format](document)
        if job.signed:
            _progress(job, ReportJob.Stage.SIGN, 75)
            content = signing.sign_pdf(
                content,
                signer_name=document.letter.signer_name,
                reason=_("Reporte de Avance de Metas Físicas y Financieras, %(period)s Cuatrimestre %(year)s")
                % {"period": document.report.period_ordinal, "year": document.report.year},
            )
        _progress(job, ReportJob.Stage.STORE, 90)
        return _job_finish(job, content=content)
    except Exception as error:
        logger.exception("Report job %s failed", job.pk)
        reason = str(error) if isinstance(error, WorkflowError | signing.SigningUnavailable) else ""
        ReportJob.objects.filter(pk=job.pk).exclude(status=ReportJob.Status.DONE).update(
            status=ReportJob.Status.FAILED,
            error=reason
            or _("Error inesperado al generar el reporte (%(kind)s: %(detail)s).")
            % {"kind": type(error).__name__, "detail": str(error)[:300]},
            finished_at=timezone.now(),
        )
        return None


def _indicator_sheets_run(job: ReportJob) -> ReportJob:
    """The sheets are laid out chunk by chunk; the bar moves from 10 % to 90 % as chunks finish."""
    _progress(job, ReportJob.Stage.QUERY, 5)
    plan = Plan.objects.select_related("institution").get(pk=job.plan_id)

    def advance(done: int, total: int) -> None:
        _progress(job, ReportJob.Stage.RENDER, 10 + 80 * done // total)

    _progress(job, ReportJob.Stage.RENDER, 10)
    merged = render_plan_sheets_pdf(plan, progress=advance)
    if not merged.pages:
        raise WorkflowError(_("El plan «%(plan)s» no tiene fichas técnicas.") % {"plan": plan.name})
    _progress(job, ReportJob.Stage.STORE, 90)
    return _job_finish(job, content=merged.content)


def _document_run(job: ReportJob) -> ReportJob:
    """A registered document: its renderer reports how far it got (query up to 25 %, render up to 90 %)."""
    registered = document_kind(job.kind)
    if registered is None:
        raise WorkflowError(_("Documento desconocido: %s.") % job.kind)
    _progress(job, ReportJob.Stage.QUERY, 5)

    def progress(percent: int) -> None:
        stage = ReportJob.Stage.QUERY if percent < 25 else ReportJob.Stage.RENDER
        _progress(job, stage, max(5, min(percent, 89)))

    content = registered.render(job, progress)
    _progress(job, ReportJob.Stage.STORE, 90)
    return _job_finish(job, content=content)


def _reusable_result(job: ReportJob, fingerprint: str) -> ReportJob | None:
    """A stored result of identical data and format (never reused for signing: each signature is new)."""
    if job.signed:
        return None
    candidate = (
        ReportJob.objects.filter(status=ReportJob.Status.DONE, fingerprint=fingerprint, signed=False)
        .exclude(pk=job.pk)
        .exclude(file="")
        .order_by("created_at")
        .first()
    )
    if candidate is not None and default_storage.exists(candidate.file.name):
        return candidate
    return None


def _job_path(job: ReportJob) -> str:
    if job.kind == ReportJob.Kind.INDICATOR_SHEETS:
        return f"reports/{job.institution.code}/plan-{job.plan_id}/job-{job.pk}/{job.filename}"
    return f"reports/{job.owner_label}/{job.year}/c{job.period}/job-{job.pk}/{job.filename}"


@transaction.atomic
def _job_finish(
    job: ReportJob, *, content: bytes | None = None, reused: ReportJob | None = None
) -> ReportJob:
    locked = ReportJob.objects.select_for_update().get(pk=job.pk)
    if locked.status == ReportJob.Status.DONE:
        return locked  # another attempt stored it first
    if reused is not None:
        locked.file, locked.sha256, locked.size, locked.reused_from = (
            reused.file.name,
            reused.sha256,
            reused.size,
            reused.reused_from or reused,
        )
    else:
        path = _job_path(locked)
        if default_storage.exists(path):
            default_storage.delete(path)  # left by an attempt that died before committing
        locked.file.name = default_storage.save(path, ContentFile(content))
        locked.sha256, locked.size = hashlib.sha256(content).hexdigest(), len(content)
    locked.status, locked.stage, locked.percent = ReportJob.Status.DONE, ReportJob.Stage.STORE, 100
    locked.finished_at = locked.heartbeat_at = timezone.now()
    locked.error = ""
    locked.save()
    if locked.period_report_id:
        _period_report_signed(locked)
    return locked


def _period_report_signed(job: ReportJob) -> None:
    report = PeriodReport.objects.select_for_update().get(pk=job.period_report_id)
    report.status = PeriodReport.Status.SIGNED
    report.signed_by, report.signed_at = job.requested_by, job.finished_at
    report.save(update_fields=["status", "signed_by", "signed_at"])
    period_lock(
        institution=job.institution,
        year=job.year,
        period=job.period,
        user=job.requested_by,
        reason=_("Reporte firmado %(code)s") % {"code": report.letter_code},
    )


def report_jobs_reconcile(*, stale_after: timedelta | None = None) -> list[int]:
    """Re-queue jobs whose worker vanished (running without a heartbeat past the deadline) or whose
    message never reached a worker (queued past the deadline). Returns the ids re-queued."""
    stale_after = stale_after or timedelta(seconds=settings.IGM_REPORT_JOB_STALE_SECONDS)
    deadline = timezone.now() - stale_after
    requeued = []
    with transaction.atomic():
        stale = ReportJob.objects.select_for_update(skip_locked=True).filter(
            status__in=ACTIVE, created_at__lt=deadline
        )
        for job in stale:
            if (job.heartbeat_at or job.created_at) >= deadline:
                continue
            job.status, job.heartbeat_at = ReportJob.Status.QUEUED, timezone.now()
            job.save(update_fields=["status", "heartbeat_at"])
            _enqueue(job.pk)
            requeued.append(job.pk)
    return requeued
