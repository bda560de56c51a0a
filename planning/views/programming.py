"""Pages of the year's cycle: the POA created from the POM, and its monthly programming grid (one save
for the whole grid), its spreads and its XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.calendar import MONTH_ABBREVIATIONS
from common.downloads import attachment_response
from planning.forms import ProgrammingSpreadForm, programming_cell_name, programming_entries
from planning.models import Plan
from planning.permissions import (
    annual_plan_creatable_by,
    programming_editable_by,
    programming_ensure_readable_by,
)
from planning.programming_files import XLSX_TYPE, programming_xlsx
from planning.selectors.programming import MEASURES, programming_grid
from planning.services.annual_plans import annual_plan_create
from planning.services.programming import programming_save, programming_spread
from planning.views.common import crumbs, readable_plan


@login_required
@require_POST
def annual_plan_create_view(request, pk: int, year: int):
    pom = get_object_or_404(Plan.objects.select_related("institution"), pk=pk)
    if not annual_plan_creatable_by(user=request.user, plan=pom):
        raise PermissionDenied(_("Solo el personal de planificación de la institución crea el POA."))
    try:
        poa = annual_plan_create(pom=pom, year=year, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("planning:plan_detail", pk=pom.pk)
    messages.success(
        request,
        _("POA %(year)s creado desde «%(pom)s», en formulación. Siguiente paso: su programación mensual.")
        % {"year": year, "pom": pom},
    )
    return redirect("planning:programming", pk=poa.pk)


def _cells(grid, typed=None, errors=None) -> list:
    """Each row with, per measure, its twelve inputs (name, value shown, error)."""
    rows = []
    for row in grid.rows:
        lines = []
        for line in row.lines:
            inputs = []
            for month in range(1, 13):
                name = programming_cell_name(row.id, line.measure, month)
                if typed is not None:
                    value = typed.get(name, "")
                elif line.months is None:
                    value = ""
                else:
                    value = (
                        f"{line.months[month - 1]:.0f}"
                        if line.measure == "physical"
                        else f"{line.months[month - 1]:.2f}"
                    )
                inputs.append((name, value, (errors or {}).get(name)))
            lines.append((line, inputs))
        rows.append((row, lines))
    return rows


def _render(request, plan: Plan, *, typed=None, cell_errors=None, row_errors=None, status=200):
    grid = programming_grid(plan=plan)
    editable = programming_editable_by(user=request.user, plan=plan)
    subproducts = [(row.id, row.name) for row in grid.rows if row.kind == "subproduct" and row.goal_id]
    context = {
        "plan": plan,
        "grid": grid,
        "rows": _cells(grid, typed, cell_errors),
        "row_errors": row_errors or {},
        "dirty": typed is not None,  # a refused grid: what is shown is not stored
        "editable": editable,
        "months": MONTH_ABBREVIATIONS,
        "spread_form": ProgrammingSpreadForm(
            subproduct_choices=subproducts, initial={"pattern_year": plan.start_year - 2}
        ),
        "crumbs": [*crumbs(plan), (_("Programación mensual"), "")],
    }
    return render(request, "planning/programming.html", context, status=status)


@login_required
def programming_view(request, pk: int):
    plan = readable_plan(request.user, pk)
    programming_ensure_readable_by(user=request.user, plan=plan)
    if request.method != "POST":
        return _render(request, plan)
    grid = programming_grid(plan=plan)
    ids = [row.id for row in grid.rows if row.kind == "subproduct" and row.goal_id]
    entries, cell_errors = programming_entries(request.POST, subproduct_ids=ids, measures=MEASURES)
    if cell_errors:
        messages.error(request, _("Hay cifras que no son números: no se guardó nada."))
        return _render(request, plan, typed=request.POST, cell_errors=cell_errors, status=400)
    try:
        changed = programming_save(
            plan=plan, entries=entries, user=request.user, version=request.POST.get("version", "")
        )
    except ValidationError as error:
        row_errors = getattr(error, "message_dict", {"": error.messages})
        for message in (m for messages_ in row_errors.values() for m in messages_):
            messages.error(request, message)
        return _render(request, plan, typed=request.POST, row_errors=row_errors, status=400)
    messages.success(
        request,
        _("Programación guardada: %(count)s meses cambiados.") % {"count": changed}
        if changed
        else _("Sin cambios en la programación."),
    )
    return redirect("planning:programming", pk=plan.pk)


@login_required
@require_POST
def programming_spread_view(request, pk: int):
    plan = readable_plan(request.user, pk)
    grid = programming_grid(plan=plan)
    choices = [(row.id, row.name) for row in grid.rows if row.kind == "subproduct" and row.goal_id]
    form = ProgrammingSpreadForm(request.POST, subproduct_choices=choices)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("planning:programming", pk=plan.pk)
    data = form.cleaned_data
    try:
        changed = programming_spread(
            plan=plan,
            subproduct_ids=data["subproducts"],
            measures=data["measures"],
            user=request.user,
            pattern_year=data["pattern_year"] if data["method"] == "pattern" else None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Reparto aplicado: %(count)s meses cambiados.") % {"count": changed})
    return redirect("planning:programming", pk=plan.pk)


@login_required
def programming_download(request, pk: int):
    plan = readable_plan(request.user, pk)
    programming_ensure_readable_by(user=request.user, plan=plan)
    content = programming_xlsx(plan=plan)
    return attachment_response(
        content, XLSX_TYPE, f"programacion-{plan.institution.code}-{plan.start_year}.xlsx"
    )
