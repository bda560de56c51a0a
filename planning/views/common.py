"""What the planning workspace's pages share: pagination, breadcrumbs, running a form through
its service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from common.forms import int_from_query
from planning.models import Plan, Product, Result, Subproduct
from planning.permissions import plan_editable_by, plan_ensure_readable_by
from planning.selectors.history import CHANGES_PAGE_PARAM

PAGE_SIZE = 20


def page(request, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(int_from_query(request.GET, "pagina", default=1))


def changes_page(request) -> int | None:
    """The page of the «Historial de cambios» section, apart from the page's other lists."""
    return int_from_query(request.GET, CHANGES_PAGE_PARAM)


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def crumbs(obj=None) -> list[tuple[str, str]]:
    """Breadcrumbs from the workspace entry down to obj (a chain object or a goal)."""
    trail = []
    while obj is not None:
        if isinstance(obj, Subproduct):
            trail.append((str(obj), reverse("planning:subproduct_detail", args=[obj.pk])))
            obj = obj.product
        elif isinstance(obj, Product):
            trail.append((str(obj), reverse("planning:product_detail", args=[obj.pk])))
            obj = obj.result or obj.plan
        elif isinstance(obj, Result):
            trail.append((obj.code, reverse("planning:result_detail", args=[obj.pk])))
            obj = obj.plan
        elif isinstance(obj, Plan):
            trail.append((str(obj), reverse("planning:plan_detail", args=[obj.pk])))
            obj = obj.institution
        else:
            trail.append((obj.code, reverse("planning:institution_detail", args=[obj.pk])))
            obj = None
    trail.append((_("Planificación"), reverse("planning:index")))
    return trail[::-1]


def edit(request, *, form, save, context: dict, template: str = "planning/form.html", success_url: str = ""):
    """Run a form through its service; on success go to ``success_url`` or the saved object's page. A
    form read at an older version than the stored one is refused (``VersionedFormMixin``), in the same
    transaction."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if hasattr(form, "ensure_current"):
                    form.ensure_current()
                saved = save(form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Cambios guardados."))
            return redirect(success_url or saved_url(saved))
    return render(request, template, {"form": form, **context})


def saved_url(obj) -> str:
    return crumbs(obj)[-1][1]


def plan_context(request, plan: Plan) -> dict:
    return {"plan": plan, "can_edit": plan_editable_by(user=request.user, plan=plan)}


def readable_plan(user, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=plan_id)
    plan_ensure_readable_by(user=user, plan=plan)
    return plan
