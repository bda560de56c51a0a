"""Pages of indicator sheets, the monitoring dashboard and the monthly activity report.

Who may do what (issue 5, item 8): planning staff edit sheets; planning staff, directors,
auditors and SEGEPLAN read sheets and the whole dashboard; a cost-centre officer sees only the
progress of their own cost centres and, like planning staff, reports the month's achievements.
"""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from budget.models import Execution
from common.pdf import pdf_from_template
from planning.permissions import plan_content_editable_by
from planning.selectors.history import CHANGES_PAGE_PARAM
from planning.selectors.plans import institution_list_for_user, plan_list_for_user

from . import renderers
from .charts import dashboard_charts
from .forms import (
    AchievementForm,
    IndicatorSheetForm,
    MonthForm,
    PeriodForm,
    SheetValueFormSet,
    TargetForm,
    TargetYearFormSet,
)
from .models import Achievement, AchievementPhoto, IndicatorSheet
from .selectors import (
    activity_report,
    indicator_sheet_list_for_user,
    indicator_sheets_for_plan,
    indicator_values,
    multiannual_table,
    plan_progress,
    sheet_changes,
    sheet_trend,
)
from .services import (
    achievement_delete,
    achievement_may_edit,
    achievement_save,
    indicator_sheet_delete,
    indicator_sheet_save,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_reader(user) -> None:
    if not user.reads_everything:
        raise PermissionDenied("Su rol no permite consultar las fichas ni el tablero institucional.")


def _require_planning_staff(user) -> None:
    if not (user.is_superuser or user.is_planning_staff):
        raise PermissionDenied("Solo el personal de planificación edita las fichas técnicas.")


def _institution(request):
    institutions = institution_list_for_user(user=request.user)
    code = request.GET.get("institucion")
    institution = (institutions.filter(code=code) if code else institutions).first()
    if institution is None:
        raise Http404("No hay una institución disponible para su usuario.")
    return institution


def _period(request, institution) -> tuple[int, int, PeriodForm]:
    """Year and period from the query string; by default the last year with execution, period 3."""
    latest = Execution.objects.filter(cost_centre__institution=institution).aggregate(year=Max("year"))[
        "year"
    ]
    initial = {"year": latest or timezone.localdate().year, "period": 3}
    form = PeriodForm(request.GET if "year" in request.GET else initial)
    if form.is_valid():
        return form.cleaned_data["year"], form.cleaned_data["period"], form
    return initial["year"], initial["period"], form


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Indicator sheets -------------------------------------------------------------------------------


@login_required
def index(request):
    _require_reader(request.user)
    plans = (
        plan_list_for_user(user=request.user)
        .annotate(sheet_count=Count("indicator_sheets"))
        .order_by("-start_year", "kind")
    )
    sheets = indicator_sheet_list_for_user(user=request.user).order_by("plan_id", "position")
    if request.GET.get("plan"):
        plan = get_object_or_404(plans, pk=request.GET["plan"])
    else:
        plan = next((p for p in plans if p.sheet_count), plans.first())
    if plan is None:
        return render(request, "indicators/index.html", {"plans": plans})
    year, period, period_form = _period(request, plan.institution)
    values = indicator_values(sheets=sheets.filter(plan=plan), year=year, period=period)
    return render(
        request,
        "indicators/index.html",
        {
            "plans": plans,
            "plan": plan,
            "values": values,
            "year": year,
            "period": period,
            "period_form": period_form,
            "can_edit": plan_content_editable_by(user=request.user, plan=plan),
        },
    )


def _sheet(request, pk) -> IndicatorSheet:
    _require_reader(request.user)
    return get_object_or_404(indicator_sheet_list_for_user(user=request.user), pk=pk)


@login_required
def sheet_detail(request, pk):
    sheet = _sheet(request, pk)
    year, period, period_form = _period(request, sheet.plan.institution)
    (value,) = indicator_values(sheets=[sheet], year=year, period=period)
    return render(
        request,
        "indicators/sheet_detail.html",
        {
            "sheet": sheet,
            "trend": sheet_trend(sheet),
            "value": value,
            "period_form": period_form,
            "can_edit": plan_content_editable_by(user=request.user, plan=sheet.plan),
            "changes": sheet_changes(sheet=sheet, page_number=request.GET.get(CHANGES_PAGE_PARAM)),
        },
    )


def _sheet_forms(request, plan, sheet):
    data = request.POST if request.method == "POST" else None
    target = getattr(sheet, "multiannual_target", None) if sheet else None
    return (
        IndicatorSheetForm(data, instance=sheet, plan=plan),
        SheetValueFormSet(
            data,
            prefix="values",
            initial=[{"year": v.year, "value": v.value} for v in sheet.values.all()] if sheet else None,
        ),
        TargetForm(
            data,
            prefix="target",
            initial={name: getattr(target, name) for name in TargetForm.base_fields} if target else None,
        ),
        TargetYearFormSet(
            data,
            prefix="years",
            initial=[
                {"year": y.year, "absolute": y.absolute, "relative": y.relative} for y in target.years.all()
            ]
            if target
            else None,
        ),
    )


def _sheet_edit(request, plan, sheet):
    _require_planning_staff(request.user)
    form, values, target, years = forms = _sheet_forms(request, plan, sheet)
    if request.method == "POST" and all(f.is_valid() for f in forms):
        fields = {name: form.cleaned_data[name] for name in IndicatorSheetForm.Meta.fields}
        try:
            saved = indicator_sheet_save(
                plan=plan,
                sheet=sheet,
                fields=fields,
                values={f.cleaned_data["year"]: f.cleaned_data["value"] for f in values.kept_forms()},
                target={name: target.cleaned_data[name] for name in TargetForm.base_fields}
                if target.has_target
                else None,
                target_years={
                    f.cleaned_data["year"]: (f.cleaned_data["absolute"], f.cleaned_data["relative"])
                    for f in years.kept_forms()
                },
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Ficha técnica guardada.")
            return redirect("indicators:sheet_detail", pk=saved.pk)
    return render(
        request,
        "indicators/sheet_form.html",
        {"plan": plan, "sheet": sheet, "form": form, "values": values, "target": target, "years": years},
    )


@login_required
def sheet_create(request, plan_id):
    plan = get_object_or_404(plan_list_for_user(user=request.user), pk=plan_id)
    return _sheet_edit(request, plan, None)


@login_required
def sheet_edit(request, pk):
    sheet = _sheet(request, pk)
    return _sheet_edit(request, sheet.plan, sheet)


@login_required
@require_POST
def sheet_remove(request, pk):
    sheet = _sheet(request, pk)
    _require_planning_staff(request.user)
    plan_id = sheet.plan_id
    try:
        indicator_sheet_delete(sheet=sheet, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("indicators:sheet_detail", pk=sheet.pk)
    messages.success(request, "Ficha técnica eliminada.")
    return redirect(f"{reverse('indicators:index')}?plan={plan_id}")


def _sheets_pdf_context(sheets, table) -> dict:
    return {"sheets": [(sheet, sheet_trend(sheet)) for sheet in sheets], "table": table}


@login_required
def sheet_pdf(request, pk):
    sheet = _sheet(request, pk)
    pdf = pdf_from_template("indicators/pdf/sheets.html", _sheets_pdf_context([sheet], None))
    return _attachment(pdf, "application/pdf", f"ficha-{sheet.plan.start_year}-{sheet.position}.pdf")


@login_required
def sheet_xlsx(request, pk):
    sheet = _sheet(request, pk)
    content = renderers.indicator_sheets_xlsx(sheets=[sheet], trends={sheet.id: sheet_trend(sheet)})
    return _attachment(content, XLSX, f"ficha-{sheet.plan.start_year}-{sheet.position}.xlsx")


def _plan_sheets(request, plan_id):
    _require_reader(request.user)
    plan = get_object_or_404(plan_list_for_user(user=request.user), pk=plan_id)
    sheets = list(indicator_sheets_for_plan(plan=plan))
    return plan, sheets, multiannual_table(sheets=sheets)


@login_required
def multiannual(request, plan_id):
    plan, _sheets, table = _plan_sheets(request, plan_id)
    return render(request, "indicators/multiannual_table.html", {"plan": plan, "table": table})


@login_required
def plan_sheets_pdf(request, plan_id):
    plan, sheets, table = _plan_sheets(request, plan_id)
    pdf = pdf_from_template("indicators/pdf/sheets.html", _sheets_pdf_context(sheets, table))
    return _attachment(pdf, "application/pdf", f"fichas-indicadores-{plan.start_year}-{plan.end_year}.pdf")


@login_required
def plan_sheets_xlsx(request, plan_id):
    plan, sheets, table = _plan_sheets(request, plan_id)
    content = renderers.indicator_sheets_xlsx(
        sheets=sheets, trends={sheet.id: sheet_trend(sheet) for sheet in sheets}, table=table
    )
    return _attachment(content, XLSX, f"fichas-indicadores-{plan.start_year}-{plan.end_year}.xlsx")


# Dashboard --------------------------------------------------------------------------------------


def _dashboard_context(request) -> dict:
    user = request.user
    if not (user.reads_everything or user.is_officer):
        raise PermissionDenied("Su rol no permite consultar el tablero.")
    institution = _institution(request)
    year, period, period_form = _period(request, institution)
    cost_centres = None if user.reads_everything else list(user.cost_centres.filter(institution=institution))
    progress = plan_progress(
        institution=institution,
        year=year,
        period=period,
        cost_centre_ids=None if cost_centres is None else [cc.id for cc in cost_centres],
    )
    charts = dashboard_charts(progress)
    return {
        "progress": progress,
        "period_form": period_form,
        "cost_centres": cost_centres,
        "bars_svg": mark_safe(charts["bars"]),  # noqa: S308 — built by charts.py, every label escaped
        "line_svgs": [(name, [mark_safe(svg) for svg in svgs]) for name, svgs in charts["lines"]],  # noqa: S308
        "generated_at": timezone.localtime(),
    }


@login_required
def dashboard(request):
    return render(request, "indicators/dashboard.html", _dashboard_context(request))


@login_required
def dashboard_pdf(request):
    context = _dashboard_context(request)
    pdf = pdf_from_template("indicators/pdf/dashboard.html", context)
    progress = context["progress"]
    return _attachment(pdf, "application/pdf", f"tablero-{progress.year}-c{progress.period}.pdf")


# Monthly activity report ------------------------------------------------------------------------


def _require_activity_reader(user) -> None:
    if not (user.reads_everything or user.is_officer):
        raise PermissionDenied("Su rol no permite consultar el informe de actividades.")


def _month(request, institution) -> tuple[int, int, MonthForm]:
    latest = (
        Execution.objects.filter(cost_centre__institution=institution)
        .order_by("-year", "-month")
        .values("year", "month")
        .first()
    )
    today = timezone.localdate()
    initial = latest or {"year": today.year, "month": today.month}
    form = MonthForm(request.GET if "year" in request.GET else initial)
    if form.is_valid():
        return form.cleaned_data["year"], form.cleaned_data["month"], form
    return initial["year"], initial["month"], form


@login_required
def activity(request):
    _require_activity_reader(request.user)
    institution = _institution(request)
    year, month, month_form = _month(request, institution)
    report = activity_report(institution=institution, year=year, month=month)
    editable = {
        item.id
        for area in report.areas
        for unit in area.units
        for item in unit.items
        if request.user.is_superuser
        or request.user.is_planning_staff
        or item.created_by_id == request.user.pk
    }
    return render(
        request,
        "indicators/activity.html",
        {
            "report": report,
            "month_form": month_form,
            "editable": editable,
            "can_report": request.user.is_superuser
            or request.user.is_planning_staff
            or request.user.is_officer,
        },
    )


@login_required
def activity_pdf(request):
    _require_activity_reader(request.user)
    institution = _institution(request)
    year, month, _form = _month(request, institution)
    report = activity_report(institution=institution, year=year, month=month)
    photo_ids = [
        photo.id
        for area in report.areas
        for unit in area.units
        for item in unit.items
        for photo in item.photos
    ]
    photo_sources = {}
    for photo in AchievementPhoto.objects.filter(pk__in=photo_ids):
        with photo.image.open("rb") as handle:
            encoded = base64.b64encode(handle.read()).decode()
        photo_sources[photo.id] = f"data:image/{photo.image_format.lower()};base64,{encoded}"
    pdf = pdf_from_template(
        "indicators/pdf/activity.html", {"report": report, "photo_sources": photo_sources}
    )
    return _attachment(pdf, "application/pdf", f"informe-actividades-{year}-{month:02d}.pdf")


@login_required
def achievement_photo(request, pk):
    _require_activity_reader(request.user)
    photo = get_object_or_404(
        AchievementPhoto.objects.filter(
            achievement__institution__in=institution_list_for_user(user=request.user)
        ),
        pk=pk,
    )
    return FileResponse(photo.image.open("rb"), content_type=f"image/{photo.image_format.lower()}")


def _achievement_edit(request, institution, achievement):
    photos = list(achievement.photos.all()) if achievement else []
    initial = None
    if achievement is None and "year" in request.GET:
        initial = {"year": request.GET.get("year"), "month": request.GET.get("month")}
    form = AchievementForm(
        request.POST or None, request.FILES or None, instance=achievement, initial=initial, photos=photos
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = achievement_save(
                institution=institution,
                achievement=achievement,
                fields=form.model_fields(),
                photos=form.photos(),
                remove_photo_ids=form.removed_photo_ids(),
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Logro guardado.")
            return redirect(f"{reverse('indicators:activity')}?year={saved.year}&month={saved.month}")
    return render(request, "indicators/achievement_form.html", {"form": form, "achievement": achievement})


@login_required
def achievement_create(request):
    if not (request.user.is_superuser or request.user.is_planning_staff or request.user.is_officer):
        raise PermissionDenied("Su rol no permite registrar logros.")
    return _achievement_edit(request, _institution(request), None)


def _achievement(request, pk) -> Achievement:
    achievement = get_object_or_404(
        Achievement.objects.filter(institution__in=institution_list_for_user(user=request.user)), pk=pk
    )
    if not achievement_may_edit(user=request.user, achievement=achievement):
        raise PermissionDenied("Solo quien registró el logro o planificación puede modificarlo.")
    return achievement


@login_required
def achievement_edit(request, pk):
    achievement = _achievement(request, pk)
    return _achievement_edit(request, achievement.institution, achievement)


@login_required
@require_POST
def achievement_remove(request, pk):
    achievement = _achievement(request, pk)
    year, month = achievement.year, achievement.month
    achievement_delete(achievement=achievement, user=request.user)
    messages.success(request, "Logro eliminado.")
    return redirect(f"{reverse('indicators:activity')}?year={year}&month={month}")
