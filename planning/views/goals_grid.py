"""Pages of the multiannual goals grid: the plans, and a plan's grid saved as one form."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.forms import text_from_query
from common.versions import VERSION_FIELD, StaleEdit, snapshot_read
from planning.forms import GoalRowForm, GoalsGridReasonForm
from planning.models import Plan, Subproduct
from planning.permissions import plan_content_editable_by, plans_readable_by
from planning.selectors.goals_grid import GridRow, goals_grid
from planning.selectors.plans import institution_search, plan_list_for_user
from planning.services.goals_grid import goals_grid_save
from planning.views.common import page, readable_plan


@dataclass(frozen=True)
class InputCell:
    year: int
    physical: str
    financial: str
    errors: tuple[str, ...]


def row_prefix(subproduct_id: int) -> str:
    return f"s{subproduct_id}"


def _inputs(row: GridRow, form: GoalRowForm | None) -> tuple[InputCell, ...]:
    """The values a subproduct row's inputs show: what was typed when a save failed, else the goals."""
    if form is None:
        return tuple(
            InputCell(
                item.year,
                "" if item.physical.value is None else f"{item.physical.value:,.0f}",
                "" if item.financial.value is None else f"{item.financial.value:,.2f}",
                (),
            )
            for item in row.years
        )
    return tuple(
        InputCell(
            item.year,
            form[f"physical_{item.year}"].value() or "",
            form[f"financial_{item.year}"].value() or "",
            tuple(
                form.errors.get(f"physical_{item.year}", []) + form.errors.get(f"financial_{item.year}", [])
            ),
        )
        for item in row.years
    )


def _render_grid(request, plan: Plan, *, typed=None, status: int = 200):
    """The grid; ``typed`` (row forms, the reason form, the version read) when a save was refused.
    After a stale refusal the version is the current one: saving again overwrites what was shown."""
    grid = goals_grid(plan=plan)
    editable = plan_content_editable_by(user=request.user, plan=plan)
    forms, reason_form, version = typed or ({}, GoalsGridReasonForm(), None)
    rows = [
        (row, _inputs(row, forms.get(row.id))) if editable and row.kind == "subproduct" else (row, ())
        for row in grid.rows
    ]
    context = {
        "plan": plan,
        "grid": grid,
        "rows": rows,
        "editable": editable,
        "failed_ids": {pk for pk, form in forms.items() if form.errors},
        "reason_form": reason_form,
        "version": version or grid.version,
        "version_field": VERSION_FIELD,
        "dirty": typed is not None,
    }
    return render(request, "planning/goals/grid.html", context, status=status)


@login_required
def goals_plans(request):
    if not plans_readable_by(user=request.user):
        raise PermissionDenied(_("Su rol no permite consultar las metas de los planes."))
    search = text_from_query(request.GET, "q", default="")
    plans = plan_list_for_user(user=request.user).filter(kind__in=[Plan.Kind.POM, Plan.Kind.POA])
    plans = institution_search(plans, search, prefix="institution__").order_by(
        "institution__code", "-start_year", "kind"
    )
    return render(request, "planning/goals/plans.html", {"plans": page(request, plans), "search": search})


@login_required
def goals_grid_view(request, plan_id: int):
    """GET shows the grid; POST saves every row at once (``goals_grid_save``)."""
    plan = readable_plan(request.user, plan_id)
    if request.method != "POST":
        return _render_grid(request, plan)
    if not plan_content_editable_by(user=request.user, plan=plan):
        raise PermissionDenied(_("Su rol no permite cambiar las metas de este plan."))
    # Only the rows the page sent: a subproduct added since the page was read is left alone.
    forms = {
        pk: GoalRowForm(request.POST, years=plan.years, prefix=row_prefix(pk))
        for pk in Subproduct.objects.filter(product__plan=plan).values_list("pk", flat=True)
        if f"{row_prefix(pk)}-physical_{plan.start_year}" in request.POST
    }
    reason_form = GoalsGridReasonForm(request.POST)
    version = request.POST.get(VERSION_FIELD)
    valid = [form.is_valid() for form in [*forms.values(), reason_form]]  # every row's errors shown
    if not all(valid):
        messages.error(request, _("Revise las cifras señaladas en rojo: no se guardó nada."))
        return _render_grid(request, plan, typed=(forms, reason_form, version), status=400)
    try:
        changed = goals_grid_save(
            plan=plan,
            user=request.user,
            rows={pk: form.goal_values() for pk, form in forms.items()},
            read=snapshot_read(version),
            reason=reason_form.cleaned_data["reason"],
        )
    except StaleEdit as stale:
        messages.error(request, stale.message)
        return _render_grid(request, plan, typed=(forms, reason_form, None), status=409)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _render_grid(request, plan, typed=(forms, reason_form, version), status=400)
    messages.success(
        request,
        _("Metas guardadas: %(count)s cambiadas.") % {"count": changed}
        if changed
        else _("Sin cambios en las metas."),
    )
    return redirect("planning:goals_grid", plan_id=plan.pk)
