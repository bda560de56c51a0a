"""Pages of the multiannual goals grid: the plans, a plan's grid, and saving a subproduct's row."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planning.forms import GoalRowForm
from planning.models import Plan, Subproduct
from planning.permissions import plan_content_editable_by, plans_readable_by
from planning.selectors.goals_grid import GridRow, goals_grid
from planning.selectors.plans import institution_search, plan_list_for_user
from planning.services.goals_grid import subproduct_goals_save
from planning.views.common import page, readable_plan


@dataclass(frozen=True)
class InputCell:
    year: int
    physical: str
    financial: str
    errors: tuple[str, ...]


def _inputs(row: GridRow, form: GoalRowForm | None) -> tuple[InputCell, ...]:
    """The values a subproduct row's inputs show: what was typed when it failed, else the goals."""
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


def _render_grid(request, plan: Plan, *, failed: tuple[int, GoalRowForm] | None = None, status: int = 200):
    grid = goals_grid(plan=plan)
    editable = plan_content_editable_by(user=request.user, plan=plan)
    rows = [
        (row, _inputs(row, failed[1] if failed and failed[0] == row.id else None))
        if editable and row.kind == "subproduct"
        else (row, ())
        for row in grid.rows
    ]
    context = {
        "plan": plan,
        "grid": grid,
        "rows": rows,
        "editable": editable,
        "failed_id": failed and failed[0],
    }
    return render(request, "planning/goals/grid.html", context, status=status)


@login_required
def goals_plans(request):
    if not plans_readable_by(user=request.user):
        raise PermissionDenied(_("Su rol no permite consultar las metas de los planes."))
    search = request.GET.get("q", "")
    plans = plan_list_for_user(user=request.user).filter(kind__in=[Plan.Kind.POM, Plan.Kind.POA])
    plans = institution_search(plans, search, prefix="institution__").order_by(
        "institution__code", "-start_year", "kind"
    )
    return render(request, "planning/goals/plans.html", {"plans": page(request, plans), "search": search})


@login_required
def goals_grid_view(request, plan_id: int):
    return _render_grid(request, readable_plan(request.user, plan_id))


@login_required
@require_POST
def goals_row_save(request, plan_id: int, subproduct_id: int):
    plan = readable_plan(request.user, plan_id)
    subproduct = get_object_or_404(
        Subproduct.objects.select_related("product__plan"), pk=subproduct_id, product__plan=plan
    )
    form = GoalRowForm(request.POST, years=plan.years)
    if form.is_valid():
        try:
            changed = subproduct_goals_save(
                subproduct=subproduct, user=request.user, values=form.goal_values()
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            message = (
                _("Metas de «%(name)s» guardadas.")
                if changed
                else _("Sin cambios en las metas de «%(name)s».")
            )
            messages.success(request, message % {"name": subproduct.name})
            return redirect(reverse("planning:goals_grid", args=[plan.pk]) + f"#sub-{subproduct.pk}")
    else:
        messages.error(
            request, _("Revise las metas de «%(name)s»: no se guardó nada.") % {"name": subproduct.name}
        )
    return _render_grid(request, plan, failed=(subproduct.pk, form), status=400)
