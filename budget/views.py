"""Execution pages: officers report their months; planning reviews, locks and follows up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.calendar import MONTH_NAMES, period_of_month
from common.forms import int_from_query, text_from_query, year_from_query
from common.versions import VERSION_FIELD, StaleEdit, snapshot_read, snapshot_token
from planning.selectors.plans import institution_choices, institution_chosen

from .execution_files import template_csv, template_dataset, template_xlsx
from .forms import ExecutionUploadForm, MonthEntryForm, MonthReviewForm, PeriodLockForm
from .permissions import (
    ensure_cost_centre_writer,
    ensure_dashboard_reader,
    ensure_period_locker,
    ensure_upload_downloader,
    ensure_uploader,
    execution_dashboard_opens,
    execution_upload_confirmable,
    execution_upload_downloadable,
    execution_user_can_write,
    execution_user_plans,
    execution_user_writes,
)
from .selectors import (
    MONTH_CLOSED,
    execution_cost_centres_for_user,
    execution_dashboard,
    execution_month_grid,
    execution_month_history,
    execution_month_state,
    execution_template_rows,
    execution_uploads_for_user,
    execution_years,
    month_entry_values,
    period_lock_active,
    upload_months_to_submit,
)
from .services.intake import IntakeRefused
from .services.locks import PeriodLocked, period_lock, period_lock_refusal, period_unlock
from .services.months import (
    execution_month_approve,
    execution_month_return,
    execution_month_save,
    execution_month_submit,
)
from .services.uploads import execution_file_preview, execution_upload_apply

TEMPLATE_FORMATS = {
    "xlsx": (template_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (template_csv, "text/csv; charset=utf-8"),
}


def _year(request, years: list[int]) -> int:
    """The year asked for, else the latest year with execution up to this one."""
    today = timezone.localdate().year
    earlier = [year for year in years if year <= today]
    return year_from_query(request.GET, default=max(earlier) if earlier else (years[0] if years else today))


def _counts_message(what: str, outcome) -> str:
    return _("%(what)s: %(created)s filas nuevas, %(updated)s modificadas, %(unchanged)s sin cambios.") % {
        "what": what,
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
    }


def _cost_centre(request, cost_centre_id: int, month: int):
    if not 1 <= month <= 12:
        raise Http404
    return get_object_or_404(execution_cost_centres_for_user(user=request.user), pk=cost_centre_id)


def _month_context(centre, year: int, month: int) -> dict:
    lock = period_lock_active(institution=centre.institution, year=year, period=period_of_month(month))
    state = execution_month_state(cost_centre=centre, year=year, month=month)
    return {
        "cost_centre": centre,
        "year": year,
        "month": month,
        "month_name": MONTH_NAMES[month - 1],
        "state": state,
        "lock_refusal": period_lock_refusal(lock) if lock else "",
        # Locked or closed months refuse every change: offer no form the services would refuse.
        "editable": lock is None and (state is None or state.status not in MONTH_CLOSED),
    }


CENTRES_PER_PAGE = 25


@login_required
def index(request):
    # Those who read every institution see one at a time (?institucion=CODE), in pages of centres.
    choices = institution_choices(user=request.user)
    institution = (
        institution_chosen(user=request.user, code=text_from_query(request.GET, "institucion"))
        if choices
        else request.user.institution
    )
    years = execution_years(institution=institution)
    year = _year(request, years)
    centres = execution_cost_centres_for_user(user=request.user)
    if choices:
        centres = centres.filter(institution=institution)
    centres_page = Paginator(centres.order_by("institution__code", "code"), CENTRES_PER_PAGE).get_page(
        int_from_query(request.GET, "pagina", default=1)
    )
    grid = execution_month_grid(cost_centres=centres_page.object_list, year=year)
    context = {
        "institution": institution,
        "institutions_to_choose": choices,
        "keep": {"anio": year},
        "page": centres_page,
        "years": years,
        "year": year,
        "grid": grid,
        "month_names": MONTH_NAMES,
        "returned": [
            (row["cost_centre"], cell)
            for row in grid
            for cell in row["months"]
            if cell["status"] == "returned"
        ],
        "uploads": execution_uploads_for_user(user=request.user)[:10],
        "upload_form": ExecutionUploadForm(),
        "can_write": execution_user_writes(user=request.user),
        "plans": execution_dashboard_opens(user=request.user),
    }
    return render(request, "budget/index.html", context)


@login_required
def month_detail(request, cost_centre_id: int, year: int, month: int):
    centre = _cost_centre(request, cost_centre_id, month)
    context = _month_context(centre, year, month) | {
        "rows": execution_template_rows(cost_centres=[centre], year=year, month=month),
        "history": execution_month_history(cost_centre=centre, year=year, month=month),
        "can_write": execution_user_can_write(user=request.user, cost_centre=centre),
        "can_review": execution_user_plans(user=request.user),
        "review_form": MonthReviewForm(),
        "upload_form": ExecutionUploadForm(),
    }
    return render(request, "budget/month.html", context)


@login_required
def month_entry(request, cost_centre_id: int, year: int, month: int):
    centre = _cost_centre(request, cost_centre_id, month)
    ensure_cost_centre_writer(user=request.user, cost_centre=centre)
    rows = execution_template_rows(cost_centres=[centre], year=year, month=month)
    form = MonthEntryForm(request.POST or None, rows=rows)
    version = request.POST.get(VERSION_FIELD) if request.method == "POST" else None
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            outcome = execution_month_save(
                cost_centre=centre,
                year=year,
                month=month,
                entries=form.entries(),
                user=request.user,
                read=snapshot_read(version) if version is not None else None,
            )
        except StaleEdit as stale:
            errors, version = stale.messages, stale.token  # saving again overwrites what was shown
        else:
            if outcome.ok:
                messages.success(request, _counts_message(_("Ejecución guardada"), outcome))
                return redirect("budget:month", cost_centre_id=centre.pk, year=year, month=month)
            errors = form.grid_errors(outcome.errors)
    context = _month_context(centre, year, month) | {
        "form": form,
        "errors": errors,
        "version": version or snapshot_token(month_entry_values(rows)),
        "version_field": VERSION_FIELD,
    }
    return render(request, "budget/month_entry.html", context, status=422 if errors else 200)


@login_required
def month_template(request, cost_centre_id: int, year: int, month: int, fmt: str):
    centre = _cost_centre(request, cost_centre_id, month)
    if fmt not in TEMPLATE_FORMATS:
        raise Http404
    render_file, content_type = TEMPLATE_FORMATS[fmt]
    rows = execution_template_rows(cost_centres=[centre], year=year, month=month)
    response = HttpResponse(
        render_file(template_dataset(rows=rows, institution=centre.institution)), content_type=content_type
    )
    response["Content-Disposition"] = (
        f'attachment; filename="ejecucion_{centre.code}_{year}-{month:02d}.{fmt}"'
    )
    return response


@login_required
@require_POST
def month_review(request, cost_centre_id: int, year: int, month: int):
    centre = _cost_centre(request, cost_centre_id, month)
    form = MonthReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Acción no válida."))
        return redirect("budget:month", cost_centre_id=centre.pk, year=year, month=month)
    action = form.cleaned_data["action"]
    comment = form.cleaned_data["comment"]
    arguments = {"cost_centre": centre, "year": year, "month": month, "user": request.user}
    try:
        if action == "submit":
            execution_month_submit(**arguments)
            messages.success(request, _("Mes enviado a planificación para su revisión."))
        elif action == "approve":
            execution_month_approve(**arguments, comment=comment)
            messages.success(request, _("Mes aprobado."))
        else:
            execution_month_return(**arguments, comment=comment)
            messages.success(request, _("Mes devuelto al centro de costo con su comentario."))
    except (IntakeRefused, PeriodLocked) as error:
        messages.error(request, str(error))
    return redirect("budget:month", cost_centre_id=centre.pk, year=year, month=month)


UPLOADS_PER_PAGE = 50


@login_required
def upload_list(request):
    uploads = execution_uploads_for_user(user=request.user)
    choices = institution_choices(user=request.user)
    code = text_from_query(request.GET, "institucion")
    institution = institution_chosen(user=request.user, code=code) if choices and code else None
    if institution is not None:
        uploads = uploads.filter(institution=institution)
    return render(
        request,
        "budget/uploads.html",
        {
            "uploads": Paginator(uploads, UPLOADS_PER_PAGE).get_page(
                int_from_query(request.GET, "pagina", default=1)
            ),
            "institution": institution,
            "institutions_to_choose": choices,
        },
    )


@login_required
def upload_create(request):
    ensure_uploader(user=request.user)
    if request.method != "POST":
        # A GET lands here after logging in again mid-upload (?next=): the form is on the index.
        return redirect("budget:index")
    form = ExecutionUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors["file"]:
            messages.error(request, error)
        return redirect("budget:index")
    file = form.cleaned_data["file"]
    upload = execution_file_preview(
        content=file.read(), name=file.name, user=request.user, institution=request.user.institution
    )
    return redirect("budget:upload", upload_id=upload.pk)


def _upload(request, upload_id: int):
    return get_object_or_404(execution_uploads_for_user(user=request.user), pk=upload_id)


@login_required
def upload_detail(request, upload_id: int):
    upload = _upload(request, upload_id)
    context = {
        "upload": upload,
        "summary": upload.summary,
        # Only the first errors are kept; the summary counts them all.
        "error_count": upload.summary.get("error_count") or len(upload.errors),
        "can_confirm": upload.outcome == upload.Outcome.PREVIEWED
        and execution_upload_confirmable(user=request.user, upload=upload),
        "can_download": execution_upload_downloadable(user=request.user, upload=upload),
        "months_to_submit": upload_months_to_submit(upload=upload)
        if upload.outcome == upload.Outcome.APPLIED
        else [],
    }
    return render(request, "budget/upload.html", context)


@login_required
@require_POST
def upload_confirm(request, upload_id: int):
    upload = _upload(request, upload_id)
    try:
        upload, outcome = execution_upload_apply(upload=upload, user=request.user)
    except IntakeRefused as error:
        messages.error(request, str(error))
        return redirect("budget:upload", upload_id=upload.pk)
    if outcome.stale:
        messages.warning(
            request,
            _(
                "Los datos cambiaron desde la vista previa (otra carga o captura); "
                "revise la vista previa actualizada y confirme de nuevo."
            ),
        )
    elif outcome.ok:
        messages.success(request, _counts_message(_("Carga aplicada"), outcome))
    else:
        messages.error(request, _("La carga fue rechazada al confirmarla; no se guardó nada."))
    return redirect("budget:upload", upload_id=upload.pk)


@login_required
def upload_file(request, upload_id: int):
    upload = _upload(request, upload_id)
    ensure_upload_downloader(user=request.user, upload=upload)
    return FileResponse(upload.file.open("rb"), as_attachment=True, filename=upload.original_name)


def _dashboard_institution(request):
    ensure_dashboard_reader(user=request.user)
    return request.user.institution


@login_required
def dashboard(request):
    institution = _dashboard_institution(request)
    years = execution_years(institution=institution)
    year = _year(request, years)
    context = execution_dashboard(institution=institution, year=year) | {
        "years": years,
        "year": year,
        "institution": institution,
        "can_lock": execution_user_plans(user=request.user),
    }
    return render(request, "budget/dashboard.html", context)


@login_required
@require_POST
def period_lock_change(request):
    institution = _dashboard_institution(request)
    ensure_period_locker(user=request.user)
    form = PeriodLockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indique el cuatrimestre, el año y el motivo."))
        return redirect("budget:dashboard")
    data = form.cleaned_data
    arguments = {
        "institution": institution,
        "year": data["year"],
        "period": data["period"],
        "user": request.user,
    }
    try:
        if data["action"] == "lock":
            period_lock(**arguments, reason=data["reason"])
            messages.success(request, _("Cuatrimestre bloqueado."))
        else:
            period_unlock(**arguments, reason=data["reason"])
            messages.success(request, _("Cuatrimestre desbloqueado; el desbloqueo quedó registrado."))
    except (PermissionDenied, ValueError) as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('budget:dashboard')}?anio={data['year']}")
