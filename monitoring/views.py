"""Pages of the monitoring dashboard and the monthly activity report (who may see what:
``monitoring.permissions``)."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from budget.selectors import execution_latest_month, execution_latest_year
from common.downloads import attachment_response
from common.forms import (
    MonthForm,
    int_from_query,
    month_from_query,
    period_from_query,
    text_from_query,
    year_from_query,
)
from common.pdf import pdf_from_template
from planning.selectors.plans import institution_choices, institution_chosen, institution_list_for_user

from .charts import dashboard_charts
from .forms import AchievementForm
from .models import Achievement, AchievementPhoto
from .permissions import (
    achievement_editable_by,
    achievements_reportable_by,
    dashboard_cost_centres,
    ensure_achievement_editable,
    ensure_achievement_reporter,
    ensure_activity_reader,
    ensure_dashboard_reader,
)
from .selectors import activity_report, plan_progress
from .services import achievement_delete, achievement_save


def _institution(request):
    institution = institution_chosen(user=request.user, code=text_from_query(request.GET, "institucion"))
    if institution is None:
        raise Http404("No hay una institución disponible para su usuario.")
    return institution


# Dashboard --------------------------------------------------------------------------------------


def _dashboard_context(request) -> dict:
    ensure_dashboard_reader(request.user)
    institution = _institution(request)
    year, period, period_form = period_from_query(
        request.GET, default_year=execution_latest_year(institution=institution)
    )
    cost_centres = dashboard_cost_centres(user=request.user, institution=institution)
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
        "institutions_to_choose": institution_choices(user=request.user),
        "cost_centres": cost_centres,
        "bars_svg": mark_safe(charts["bars"]),  # noqa: S308 — built by charts.py, every label escaped
        "monthly_svg": mark_safe(charts["monthly"]),  # noqa: S308
        "line_svgs": [(name, [mark_safe(svg) for svg in svgs]) for name, svgs in charts["lines"]],  # noqa: S308
        "generated_at": timezone.localtime(),
    }


@login_required
def dashboard(request):
    return render(request, "monitoring/dashboard.html", _dashboard_context(request))


@login_required
def dashboard_pdf(request):
    context = _dashboard_context(request)
    pdf = pdf_from_template("monitoring/pdf/dashboard.html", context)
    progress = context["progress"]
    return attachment_response(pdf, "application/pdf", f"tablero-{progress.year}-c{progress.period}.pdf")


# Monthly activity report ------------------------------------------------------------------------


def _month(request, institution) -> tuple[int, int, MonthForm]:
    """Year and month from the query string; by default the month of the latest execution."""
    return month_from_query(request.GET, default=execution_latest_month(institution=institution))


@login_required
def activity(request):
    ensure_activity_reader(request.user)
    institution = _institution(request)
    year, month, month_form = _month(request, institution)
    report = activity_report(institution=institution, year=year, month=month)
    editable = {
        item.id
        for area in report.areas
        for unit in area.units
        for item in unit.items
        if achievement_editable_by(user=request.user, created_by_id=item.created_by_id)
    }
    return render(
        request,
        "monitoring/activity.html",
        {
            "report": report,
            "month_form": month_form,
            "editable": editable,
            "can_report": achievements_reportable_by(request.user),
        },
    )


@login_required
def activity_pdf(request):
    ensure_activity_reader(request.user)
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
        "monitoring/pdf/activity.html", {"report": report, "photo_sources": photo_sources}
    )
    return attachment_response(pdf, "application/pdf", f"informe-actividades-{year}-{month:02d}.pdf")


@login_required
def achievement_photo(request, pk):
    ensure_activity_reader(request.user)
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
        initial = {
            "year": year_from_query(request.GET, "year", default=None),
            "month": int_from_query(request.GET, "month", maximum=12),
        }
    form = AchievementForm(
        request.POST or None, request.FILES or None, instance=achievement, initial=initial, photos=photos
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.ensure_current()
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
            form.discard_kept()
            messages.success(request, "Logro guardado.")
            return redirect(f"{reverse('monitoring:activity')}?year={saved.year}&month={saved.month}")
    if request.method == "POST":
        form.keep_photos()  # a refused form keeps the photos chosen
    return render(request, "monitoring/achievement_form.html", {"form": form, "achievement": achievement})


@login_required
def achievement_create(request):
    ensure_achievement_reporter(request.user)
    return _achievement_edit(request, _institution(request), None)


def _achievement(request, pk) -> Achievement:
    achievement = get_object_or_404(
        Achievement.objects.filter(institution__in=institution_list_for_user(user=request.user)), pk=pk
    )
    ensure_achievement_editable(user=request.user, achievement=achievement)
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
    return redirect(f"{reverse('monitoring:activity')}?year={year}&month={month}")
