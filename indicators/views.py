"""Pages of indicator sheets and the multiannual indicator table (who may do what:
``indicators.permissions``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from budget.selectors import execution_latest_year
from common.downloads import attachment_response
from common.forms import PeriodForm, int_from_query, period_from_query
from common.pdf import pdf_from_template
from planning.permissions import plan_content_editable_by
from planning.selectors.history import CHANGES_PAGE_PARAM
from planning.selectors.plans import plan_list_for_user

from . import renderers
from .forms import IndicatorSheetForm, SheetValueFormSet, TargetForm, TargetYearFormSet
from .models import IndicatorSheet
from .permissions import ensure_sheet_editor, ensure_sheet_reader
from .selectors import (
    indicator_sheet_list_for_user,
    indicator_sheets_for_plan,
    indicator_values,
    multiannual_table,
    sheet_changes,
    sheet_trend,
)
from .services import indicator_sheet_delete, indicator_sheet_save

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request, institution) -> tuple[int, int, PeriodForm]:
    """Year and period from the query string; by default the last year with execution, period 3."""
    return period_from_query(request.GET, default_year=execution_latest_year(institution=institution))


@login_required
def index(request):
    ensure_sheet_reader(request.user)
    plans = (
        plan_list_for_user(user=request.user)
        .annotate(sheet_count=Count("indicator_sheets"))
        .order_by("-start_year", "kind")
    )
    sheets = indicator_sheet_list_for_user(user=request.user).order_by("plan_id", "position")
    plan_id = int_from_query(request.GET, "plan")
    if plan_id is not None:
        plan = get_object_or_404(plans, pk=plan_id)
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
    ensure_sheet_reader(request.user)
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
            "changes": sheet_changes(
                sheet=sheet, page_number=int_from_query(request.GET, CHANGES_PAGE_PARAM)
            ),
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
    ensure_sheet_editor(request.user)
    form, values, target, years = forms = _sheet_forms(request, plan, sheet)
    if request.method == "POST" and all(f.is_valid() for f in forms):
        fields = {name: form.cleaned_data[name] for name in IndicatorSheetForm.Meta.fields}
        try:
            with transaction.atomic():
                form.ensure_current()
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
    ensure_sheet_editor(request.user)
    plan_id = sheet.plan_id
    try:
        indicator_sheet_delete(sheet=sheet, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("indicators:sheet_detail", pk=sheet.pk)
    messages.success(request, "Ficha técnica eliminada.")
    return redirect(f"{reverse('indicators:index')}?plan={plan_id}")


def _computed_values(request, sheets) -> dict:
    """Each sheet's value computed from execution for the asked year and period (as on the page)."""
    if not sheets:
        return {}
    year, period, _form = _period(request, sheets[0].plan.institution)
    return {value.sheet.id: value for value in indicator_values(sheets=sheets, year=year, period=period)}


def _sheets_pdf_context(sheets, table, values) -> dict:
    return {"sheets": [(sheet, sheet_trend(sheet), values.get(sheet.id)) for sheet in sheets], "table": table}


@login_required
def sheet_pdf(request, pk):
    sheet = _sheet(request, pk)
    context = _sheets_pdf_context([sheet], None, _computed_values(request, [sheet]))
    pdf = pdf_from_template("indicators/pdf/sheets.html", context)
    return attachment_response(pdf, "application/pdf", f"ficha-{sheet.plan.start_year}-{sheet.position}.pdf")


@login_required
def sheet_xlsx(request, pk):
    sheet = _sheet(request, pk)
    content = renderers.indicator_sheets_xlsx(
        sheets=[sheet], trends={sheet.id: sheet_trend(sheet)}, values=_computed_values(request, [sheet])
    )
    return attachment_response(content, XLSX, f"ficha-{sheet.plan.start_year}-{sheet.position}.xlsx")


def _plan_sheets(request, plan_id):
    ensure_sheet_reader(request.user)
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
    context = _sheets_pdf_context(sheets, table, _computed_values(request, sheets))
    pdf = pdf_from_template("indicators/pdf/sheets.html", context)
    return attachment_response(
        pdf, "application/pdf", f"fichas-indicadores-{plan.start_year}-{plan.end_year}.pdf"
    )


@login_required
def plan_sheets_xlsx(request, plan_id):
    plan, sheets, table = _plan_sheets(request, plan_id)
    content = renderers.indicator_sheets_xlsx(
        sheets=sheets,
        trends={sheet.id: sheet_trend(sheet) for sheet in sheets},
        table=table,
        values=_computed_values(request, sheets),
    )
    return attachment_response(content, XLSX, f"fichas-indicadores-{plan.start_year}-{plan.end_year}.xlsx")
