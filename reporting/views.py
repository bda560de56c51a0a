"""Pages of the SIPLAN report: deadlines, period review and workflow, jobs, signature check."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from budget.selectors import execution_years
from common.calendar import PERIOD_MONTHS, PERIODS, is_year, period_label
from common.forms import int_from_query, text_from_query, year_from_query
from common.versions import VERSION_FIELD, StaleEdit, snapshot_read, snapshot_token
from planning.models import Institution
from planning.selectors.plans import (
    institution_choices,
    institution_chosen,
    plan_list_for_user,
)

from . import signing
from .forms import DeviationNotesForm, ReportRequestForm, SubmitForm, VerifyForm
from .kinds import document_kind
from .models import PeriodReport, ReportJob
from .permissions import (
    can_read_reports,
    ensure_officer,
    is_report_director,
    is_report_planner,
)
from .renderers.html import inline_style_source, render_html
from .selectors import officers
from .selectors.consequences import next_letter_code
from .selectors.deadlines import period_being_reported, period_deadlines
from .selectors.deviations import deviation_notes_open, notes_version_values
from .selectors.documents import period_report_changes, period_report_for, report_document
from .selectors.jobs import report_jobs_for_user, signed_documents_with_digest
from .selectors.siplan import ReportUnavailable
from .services import WorkflowError
from .services.jobs import indicator_sheets_job_request, report_job_request, report_job_retry
from .services.workflow import (
    LETTER_FIELDS,
    deviation_notes_save,
    period_draft_save,
    period_report_approve,
    period_report_return,
    period_report_sign,
)


def _institution(request, code: str) -> Institution:
    institution = get_object_or_404(Institution, code=code)
    if not can_read_reports(user=request.user, institution=institution):
        raise PermissionDenied
    return institution


def _period(year: int, period: int) -> None:
    if period not in PERIODS or not is_year(year):
        raise Http404


JOBS_PER_PAGE = 15


@login_required
def index(request):
    # SEGEPLAN reads some 200 institutions: it types a code or a name (``institution_choices``).
    institution = institution_chosen(user=request.user, code=text_from_query(request.GET, "institucion"))
    if institution is None or not can_read_reports(user=request.user, institution=institution):
        raise PermissionDenied
    today = timezone.localdate()
    year = year_from_query(request.GET, default=today.year)
    return render(
        request,
        "reporting/index.html",
        {
            "institutions_to_choose": institution_choices(user=request.user),
            "institution": institution,
            "year": year,
            "years": range(today.year - 3, today.year + 2),
            "deadlines": period_deadlines(institution=institution, year=year, today=today),
            "jobs": Paginator(
                report_jobs_for_user(user=request.user).filter(
                    institution=institution, kind=ReportJob.Kind.SIPLAN
                ),
                JOBS_PER_PAGE,
            ).get_page(int_from_query(request.GET, "pagina", default=1)),
        },
    )


DRAFT_FORM = "draft-form"  # the period page's one form: letter data and every explanation


def _letter_version(period_report: PeriodReport | None) -> dict[str, str]:
    report = period_report or PeriodReport()
    return {f"letter-{name}": getattr(report, name) for name in LETTER_FIELDS}


def _period_page(request, code: str, year: int, period: int, *, typed=None, status: int = 200):
    """The period page; ``typed`` (letter form, notes form) after a refused save keeps every value
    typed, with the current version (saving again overwrites what the refusal showed)."""
    _period(year, period)
    institution = _institution(request, code)
    period_report = period_report_for(institution=institution, year=year, period=period)
    try:
        document = report_document(institution=institution, year=year, period=period)
    except ReportUnavailable as error:
        messages.error(request, str(error))
        return redirect("reporting:index")
    user = request.user
    status_code = period_report.status if period_report else PeriodReport.Status.DRAFT
    submit_form, notes_form = typed or (
        SubmitForm(instance=period_report),
        DeviationNotesForm(deviations=document.deviations, form_id=DRAFT_FORM),
    )
    return render(
        request,
        "reporting/period.html",
        {
            "institution": institution,
            "year": year,
            "period": period,
            "period_report": period_report,
            "status": status_code,
            "document": document,
            "request_form": ReportRequestForm(),
            "submit_form": submit_form,
            "note_rows": [(d, notes_form.box(d)) for d in document.deviations],
            "version": snapshot_token(
                notes_version_values(document.deviations) | _letter_version(period_report)
            ),
            "version_field": VERSION_FIELD,
            "dirty": typed is not None,
            "can_submit": is_report_planner(user=user, institution=institution)
            and status_code == PeriodReport.Status.DRAFT,
            "is_director": is_report_director(user=user, institution=institution),
            "can_write_notes": is_report_planner(user=user, institution=institution)
            and deviation_notes_open(period_report=period_report),
            "signed_job": period_report.jobs.filter(signed=True).first() if period_report else None,
            "next_letter_code": next_letter_code(institution=institution, today=timezone.localdate()),
        },
        status=status,
    )


@login_required
def period_detail(request, code: str, year: int, period: int):
    return _period_page(request, code, year, period)


@login_required
@xframe_options_sameorigin
def period_preview(request, code: str, year: int, period: int):
    """The standalone document the director reviews (framed by the period page)."""
    _period(year, period)
    institution = _institution(request, code)
    try:
        document = report_document(institution=institution, year=year, period=period)
    except ReportUnavailable as error:
        return HttpResponse(str(error), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(render_html(document), content_type="text/html; charset=utf-8")
    response._csp_update = {"style-src": [inline_style_source()]}
    return response


def _workflow(request, code, year, period, action, refused=None):
    """Run one workflow step and come back to the period page with its outcome; ``refused`` answers
    a refusal instead of the redirect (the submit form keeps what was typed)."""
    _period(year, period)
    institution = _institution(request, code)
    try:
        outcome = action(institution)
    except (WorkflowError, PermissionDenied) as error:
        messages.error(request, str(error) or "No tiene permiso para esta acción.")
        if refused is not None:
            return refused()
        return redirect("reporting:period", code=code, year=year, period=period)
    if isinstance(outcome, ReportJob):
        return redirect("reporting:job", pk=outcome.pk)
    return redirect("reporting:period", code=code, year=year, period=period)


def _existing_report(institution, year, period) -> PeriodReport:
    report = period_report_for(institution=institution, year=year, period=period)
    if report is None:
        raise WorkflowError("El reporte de este cuatrimestre no ha sido enviado.")
    return report


def _period_draft_post(request, code: str, year: int, period: int, *, submit: bool):
    """The period page's one form: explanations and letter data saved together, then, for «Enviar
    para aprobación», the report sent. A refused save re-renders the page with everything typed."""
    _period(year, period)
    institution = _institution(request, code)
    document = report_document(institution=institution, year=year, period=period)
    submit_form = SubmitForm(request.POST)
    notes_form = DeviationNotesForm(request.POST, deviations=document.deviations, form_id=DRAFT_FORM)
    typed = (submit_form, notes_form)
    if not all([submit_form.is_valid(), notes_form.is_valid()]):
        messages.error(request, "Revise los datos señalados: no se guardó nada.")
        return _period_page(request, code, year, period, typed=typed, status=400)
    try:
        period_draft_save(
            institution=institution,
            year=year,
            period=period,
            notes=notes_form.notes(),
            letter=submit_form.cleaned_data,
            read=snapshot_read(request.POST.get(VERSION_FIELD)),
            user=request.user,
            submit=submit,
        )
    except (StaleEdit, ValidationError) as error:
        messages.error(request, " ".join(error.messages))
        return _period_page(
            request, code, year, period, typed=typed, status=409 if isinstance(error, StaleEdit) else 400
        )
    except WorkflowError as error:
        messages.error(request, str(error))
        if submit:  # what was typed is saved; only the sending was refused
            return redirect("reporting:period", code=code, year=year, period=period)
        return _period_page(request, code, year, period, typed=typed, status=400)
    messages.success(
        request,
        "Reporte enviado a la máxima autoridad para su aprobación."
        if submit
        else "Explicaciones y oficio guardados.",
    )
    return redirect("reporting:period", code=code, year=year, period=period)


@login_required
@require_POST
def period_submit(request, code: str, year: int, period: int):
    return _period_draft_post(request, code, year, period, submit=True)


@login_required
@require_POST
def period_approve(request, code: str, year: int, period: int):
    def action(institution):
        report = period_report_approve(
            period_report=_existing_report(institution, year, period), user=request.user
        )
        messages.success(request, f"Reporte aprobado; oficio {report.letter_code}.")
        return report

    return _workflow(request, code, year, period, action)


@login_required
@require_POST
def period_return(request, code: str, year: int, period: int):
    def action(institution):
        report = period_report_return(
            period_report=_existing_report(institution, year, period),
            user=request.user,
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, "Reporte devuelto a planificación.")
        return report

    return _workflow(request, code, year, period, action)


@login_required
@require_POST
def period_sign(request, code: str, year: int, period: int):
    def action(institution):
        return period_report_sign(
            period_report=_existing_report(institution, year, period), user=request.user
        )

    return _workflow(request, code, year, period, action)


@login_required
@require_POST
def deviation_note(request, code: str, year: int, period: int):
    return _period_draft_post(request, code, year, period, submit=False)


def _officer(request):
    ensure_officer(user=request.user)
    return request.user


def _officer_page(request, year: int, period: int, *, typed: DeviationNotesForm | None = None, status=200):
    user = _officer(request)
    deviations, unavailable = None, ""
    try:
        deviations = officers.officer_deviations(user=user, year=year, period=period)
    except ReportUnavailable as error:
        unavailable = str(error)
    lines = [line for item in deviations.subproducts for line in item.lines] if deviations else []
    form = typed or DeviationNotesForm(deviations=lines)
    return render(
        request,
        "reporting/officer_deviations.html",
        {
            "year": year,
            "period": period,
            "years": sorted({*execution_years(institution=user.institution), year}),
            "periods": [(number, period_label(number)) for number in PERIOD_MONTHS],
            "deviations": deviations,
            "items": [
                (item, [(line, form.box(line)) for line in item.lines]) for item in deviations.subproducts
            ]
            if deviations
            else [],
            "version": snapshot_token(notes_version_values(lines)),
            "version_field": VERSION_FIELD,
            "dirty": typed is not None,
            "unavailable": unavailable,
        },
        status=status,
    )


@login_required
def officer_deviations(request):
    """A cost-centre officer explains the deviations of the subproducts their centres produce."""
    today = timezone.localdate()
    year = year_from_query(request.GET, default=today.year)
    period = int_from_query(
        request.GET, "cuatrimestre", default=period_being_reported(year=year, today=today), maximum=3
    )
    return _officer_page(request, year, period)


@login_required
@require_POST
def officer_deviation_note(request, year: int, period: int):
    """Every explanation of the officer's page saved at once (``deviation_notes_save``)."""
    _period(year, period)
    user = _officer(request)
    try:
        found = officers.officer_deviations(user=user, year=year, period=period)
    except ReportUnavailable:
        raise Http404 from None
    form = DeviationNotesForm(
        request.POST, deviations=[line for item in found.subproducts for line in item.lines]
    )
    if not form.is_valid():
        messages.error(
            request, "Revise las explicaciones señaladas (máximo 1000 caracteres): no se guardó nada."
        )
        return _officer_page(request, year, period, typed=form, status=400)
    try:
        changed = deviation_notes_save(
            institution=user.institution,
            year=year,
            period=period,
            notes=form.notes(),
            read=snapshot_read(request.POST.get(VERSION_FIELD)),
            user=user,
        )
    except (StaleEdit, ValidationError, WorkflowError) as error:
        text = str(error) if isinstance(error, WorkflowError) else " ".join(error.messages)
        messages.error(request, text)
        return _officer_page(
            request, year, period, typed=form, status=409 if isinstance(error, StaleEdit) else 400
        )
    messages.success(
        request, f"Explicaciones guardadas: {changed}." if changed else "Sin cambios en las explicaciones."
    )
    return redirect(f"{reverse('reporting:officer_deviations')}?anio={year}&cuatrimestre={period}")


@login_required
def period_changes(request, code: str, year: int, period: int):
    _period(year, period)
    institution = _institution(request, code)
    period_report = period_report_for(institution=institution, year=year, period=period)
    if period_report is None or period_report.snapshot is None:
        raise Http404
    return render(
        request,
        "reporting/changes.html",
        {
            "institution": institution,
            "period_report": period_report,
            "changes": period_report_changes(period_report=period_report),
        },
    )


@login_required
@require_POST
def job_request(request, code: str, year: int, period: int):
    _period(year, period)
    institution = _institution(request, code)
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Elija un formato válido.")
        return redirect("reporting:period", code=code, year=year, period=period)
    job = report_job_request(
        institution=institution,
        year=year,
        period=period,
        format=form.cleaned_data["format"],
        user=request.user,
    )
    return redirect("reporting:job", pk=job.pk)


@login_required
@require_POST
def plan_sheets_job_request(request, plan_id: int):
    """One PDF of every indicator sheet of the plan, made by a job whose progress the job page shows."""
    plan = get_object_or_404(plan_list_for_user(user=request.user).select_related("institution"), pk=plan_id)
    job = indicator_sheets_job_request(plan=plan, user=request.user)
    return redirect("reporting:job", pk=job.pk)


def _job(request, pk: int) -> ReportJob:
    return get_object_or_404(report_jobs_for_user(user=request.user), pk=pk)


@login_required
def job_detail(request, pk: int):
    job = _job(request, pk)
    registered = document_kind(job.kind) if job.institution_id is None else None
    return render(
        request,
        "reporting/job.html",
        {
            "job": job,
            "kind_label": registered.label if registered else "",
            "back_url": registered.back_url(job) if registered else "",
        },
    )


@login_required
def job_status(request, pk: int):
    job = _job(request, pk)
    return JsonResponse(
        {
            "id": job.pk,
            "status": job.status,
            "status_label": job.get_status_display(),
            "stage": "" if job.status == ReportJob.Status.DONE else job.stage,
            "stage_label": job.stage_label,
            "percent": job.percent,
            "error": job.error,
            "download_url": reverse("reporting:job_download", args=[job.pk])
            if job.status == ReportJob.Status.DONE
            else "",
        }
    )


@login_required
def job_download(request, pk: int):
    job = _job(request, pk)
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)


@login_required
@require_POST
def job_retry(request, pk: int):
    job = _job(request, pk)
    try:
        report_job_retry(job=job, user=request.user)
    except (WorkflowError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect("reporting:job", pk=job.pk)


@login_required
def verify(request):
    result, matches = None, []
    form = VerifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        result = signing.signature_verify(content)
        matches = [
            job
            for job in signed_documents_with_digest(sha256=hashlib.sha256(content).hexdigest())
            if can_read_reports(user=request.user, institution=job.institution)
        ]
    return render(request, "reporting/verify.html", {"form": form, "result": result, "matches": matches})
