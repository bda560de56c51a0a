"""Planning workspace: navigate and edit institution → plan → result → product → subproduct → goal.

Views parse input, check who may read or write, call one service or selector and respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import (
    InstitutionForm,
    PlanForm,
    ProductForm,
    ReprogrammingDecisionForm,
    ReprogrammingRequestForm,
    ResultForm,
    SubproductForm,
)
from .models import Institution, Plan, Product, Reprogramming, Result, Subproduct
from .selectors import plan_list_for_user

PAGE_SIZE = 20


@login_required
def home(request):
    return render(request, "home.html", {"plans": plan_list_for_user(user=request.user)})


# --- Helpers ------------------------------------------------------------------------------------


def _page(request, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("pagina"))


def _changes_page(request) -> str | None:
    """The page of the «Historial de cambios» section, apart from the page's other lists."""
    return request.GET.get(selectors.CHANGES_PAGE_PARAM)


def _apply_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _crumbs(obj=None) -> list[tuple[str, str]]:
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


def _ensure_reads_institution(user, institution: Institution) -> None:
    if not getattr(user, "reads_everything", False):
        raise PermissionDenied(_("Su rol no permite consultar los planes."))
    if not selectors.institution_list_for_user(user=user).filter(pk=institution.pk).exists():
        raise PermissionDenied(_("No tiene acceso a esta institución."))


def _edit(request, *, form, save, context: dict, template: str = "planning/form.html"):
    """Run a form through its service; on success go to the saved object's page."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Cambios guardados."))
            return redirect(saved_url(saved))
    return render(request, template, {"form": form, **context})


def saved_url(obj) -> str:
    return _crumbs(obj)[-1][1]


def _can_edit(user, plan: Plan) -> bool:
    try:
        services.plan_ensure_editable_by(user=user, plan=plan)
    except PermissionDenied:
        return False
    return True


def _plan_context(request, plan: Plan) -> dict:
    return {"plan": plan, "can_edit": _can_edit(request.user, plan)}


# --- Institution and plan -----------------------------------------------------------------------


@login_required
def index(request):
    if not getattr(request.user, "reads_everything", False):
        raise PermissionDenied(_("Su rol no permite consultar los planes."))
    institutions = selectors.institution_workspace_list(user=request.user)
    pending = selectors.reprogramming_list(user=request.user, status=Reprogramming.Status.REQUESTED).count()
    return render(
        request,
        "planning/index.html",
        {"institutions": institutions, "pending": pending, "crumbs": _crumbs()},
    )


@login_required
def institution_detail(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    _ensure_reads_institution(request.user, institution)
    can_edit = request.user.is_superuser or (
        request.user.is_planning_staff and request.user.institution_id == institution.pk
    )
    return render(
        request,
        "planning/institution_detail.html",
        {
            "institution": institution,
            "plans": _page(request, selectors.institution_plans(institution=institution)),
            "can_edit": can_edit,
            "crumbs": _crumbs(institution),
        },
    )


def _institution_form(request, *, institution: Institution, title: str):
    if not (request.user.is_superuser or request.user.is_planning_staff):
        raise PermissionDenied(_("Solo el personal de planificación puede modificar la institución."))
    return _edit(
        request,
        form=InstitutionForm(request.POST or None, instance=institution),
        save=lambda f: services.institution_save(institution=f.instance, user=request.user),
        context={"title": title, "crumbs": _crumbs(institution if institution.pk else None)},
    )


@login_required
def institution_create(request):
    return _institution_form(request, institution=Institution(), title=_("Nueva institución"))


@login_required
def institution_edit(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    return _institution_form(request, institution=institution, title=_("Editar institución"))


def _plan_form(request, *, plan: Plan, title: str, crumbs_of):
    services.plan_ensure_editable_by(user=request.user, plan=plan)
    return _edit(
        request,
        form=PlanForm(request.POST or None, instance=plan),
        save=lambda f: services.plan_save(plan=f.instance, user=request.user),
        context={"title": title, "crumbs": _crumbs(crumbs_of)},
    )


@login_required
def plan_create(request, institution_pk: int):
    institution = get_object_or_404(Institution, pk=institution_pk)
    return _plan_form(
        request, plan=Plan(institution=institution), title=_("Nuevo plan"), crumbs_of=institution
    )


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=pk)
    services.plan_ensure_readable_by(user=request.user, plan=plan)
    return render(
        request,
        "planning/plan_detail.html",
        {
            **_plan_context(request, plan),
            "results": selectors.plan_results(plan=plan),
            "products": _page(request, selectors.plan_products(plan=plan)),
            "changes": selectors.object_changes(instance=plan, page_number=_changes_page(request)),
            "crumbs": _crumbs(plan),
        },
    )


@login_required
def plan_edit(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=pk)
    return _plan_form(request, plan=plan, title=_("Editar plan"), crumbs_of=plan)


# --- Result -------------------------------------------------------------------------------------


@login_required
def result_detail(request, pk: int):
    result = get_object_or_404(Result.objects.select_related("plan__institution"), pk=pk)
    services.plan_ensure_readable_by(user=request.user, plan=result.plan)
    return render(
        request,
        "planning/result_detail.html",
        {
            **_plan_context(request, result.plan),
            "result": result,
            "targets": result.targets.all(),
            "products": selectors.plan_products(plan=result.plan, result=result),
            "changes": selectors.result_changes(result=result, page_number=_changes_page(request)),
            "crumbs": _crumbs(result),
        },
    )


def _result_form(request, *, plan: Plan, result: Result, title: str, crumbs_of):
    services.plan_ensure_editable_by(user=request.user, plan=plan)
    form = ResultForm(request.POST or None, instance=result, plan=plan)
    return _edit(
        request,
        form=form,
        save=lambda f: services.result_save(result=f.instance, user=request.user, targets=f.targets),
        context={"title": title, "crumbs": _crumbs(crumbs_of)},
        template="planning/result_form.html",
    )


@login_required
def result_create(request, plan_pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=plan_pk)
    return _result_form(
        request, plan=plan, result=Result(plan=plan), title=_("Nuevo resultado institucional"), crumbs_of=plan
    )


@login_required
def result_edit(request, pk: int):
    result = get_object_or_404(Result.objects.select_related("plan__institution"), pk=pk)
    return _result_form(
        request, plan=result.plan, result=result, title=_("Editar resultado institucional"), crumbs_of=result
    )


# --- Product and subproduct ---------------------------------------------------------------------


def _coverage(form) -> dict:
    return {
        "departments": list(form.cleaned_data["departments"]),
        "municipalities": list(form.cleaned_data["municipalities"]),
    }


@login_required
def product_detail(request, pk: int):
    product = get_object_or_404(
        Product.objects.select_related("plan__institution", "result", "category__program"), pk=pk
    )
    services.plan_ensure_readable_by(user=request.user, plan=product.plan)
    return render(
        request,
        "planning/product_detail.html",
        {
            **_plan_context(request, product.plan),
            "product": product,
            "subproducts": selectors.product_subproducts(product=product),
            "goals": selectors.owner_goals(owner=product),
            "coverage": selectors.coverage_places(owner=product),
            "changes": selectors.object_changes(instance=product, page_number=_changes_page(request)),
            "crumbs": _crumbs(product),
        },
    )


def _product_form(request, *, plan: Plan, product: Product, title: str, crumbs_of):
    services.plan_ensure_editable_by(user=request.user, plan=plan)
    form = ProductForm(request.POST or None, instance=product, plan=plan)

    def save(f):
        return services.product_save(
            product=f.instance,
            user=request.user,
            category_code=f.cleaned_data["category_code"],
            category_name=f.cleaned_data["category_name"],
            **_coverage(f),
        )

    return _edit(
        request,
        form=form,
        save=save,
        context={"title": title, "crumbs": _crumbs(crumbs_of), "categories": form.categories},
    )


@login_required
def product_create(request, plan_pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=plan_pk)
    result = plan.results.filter(pk=request.GET.get("resultado") or None).first()
    return _product_form(
        request,
        plan=plan,
        product=Product(plan=plan, result=result),
        title=_("Nuevo producto"),
        crumbs_of=plan,
    )


@login_required
def product_edit(request, pk: int):
    product = get_object_or_404(
        Product.objects.select_related("plan__institution", "category__program"), pk=pk
    )
    return _product_form(
        request, plan=product.plan, product=product, title=_("Editar producto"), crumbs_of=product
    )


@login_required
def subproduct_detail(request, pk: int):
    subproduct = get_object_or_404(Subproduct.objects.select_related("product__plan__institution"), pk=pk)
    plan = subproduct.product.plan
    services.plan_ensure_readable_by(user=request.user, plan=plan)
    return render(
        request,
        "planning/subproduct_detail.html",
        {
            **_plan_context(request, plan),
            "subproduct": subproduct,
            "goals": selectors.owner_goals(owner=subproduct),
            "coverage": selectors.coverage_places(owner=subproduct),
            "changes": selectors.object_changes(instance=subproduct, page_number=_changes_page(request)),
            "crumbs": _crumbs(subproduct),
        },
    )


def _subproduct_form(request, *, subproduct: Subproduct, title: str, crumbs_of):
    services.plan_ensure_editable_by(user=request.user, plan=subproduct.product.plan)
    form = SubproductForm(request.POST or None, instance=subproduct, product=subproduct.product)
    return _edit(
        request,
        form=form,
        save=lambda f: services.subproduct_save(subproduct=f.instance, user=request.user, **_coverage(f)),
        context={"title": title, "crumbs": _crumbs(crumbs_of)},
    )


@login_required
def subproduct_create(request, product_pk: int):
    product = get_object_or_404(Product.objects.select_related("plan__institution", "result"), pk=product_pk)
    return _subproduct_form(
        request,
        subproduct=Subproduct(product=product, unit=product.unit),
        title=_("Nuevo subproducto"),
        crumbs_of=product,
    )


@login_required
def subproduct_edit(request, pk: int):
    subproduct = get_object_or_404(Subproduct.objects.select_related("product__plan__institution"), pk=pk)
    return _subproduct_form(
        request, subproduct=subproduct, title=_("Editar subproducto"), crumbs_of=subproduct
    )


# --- Goals and reprogrammings -------------------------------------------------------------------


def _goal_crumbs(goal) -> list[tuple[str, str]]:
    label = _("Meta %(year)s") % {"year": goal.year}
    return [*_crumbs(goal.owner), (label, reverse("planning:goal_detail", args=[goal.pk]))]


@login_required
def goal_detail(request, pk: int):
    """A goal's values, its reprogrammings and every saved version; planners request changes here."""
    goal = get_object_or_404(selectors.goals_with_chain(), pk=pk)
    plan = services.goal_plan(goal)
    services.plan_ensure_readable_by(user=request.user, plan=plan)
    form = ReprogrammingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reprogramming_request(goal=goal, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Reprogramación solicitada; queda pendiente de la jefatura."))
            return redirect("planning:goal_detail", pk=goal.pk)
    return render(
        request,
        "planning/goal_detail.html",
        {
            **_plan_context(request, plan),
            "goal": goal,
            "form": form,
            "reprogrammings": selectors.goal_reprogrammings(goal=goal),
            "versions": _page(request, selectors.goal_history(goal=goal)),
            "crumbs": _goal_crumbs(goal),
        },
    )


@login_required
def reprogramming_index(request):
    if not getattr(request.user, "reads_everything", False):
        raise PermissionDenied(_("Su rol no permite consultar los planes."))
    status = request.GET.get("estado", Reprogramming.Status.REQUESTED)
    if status not in Reprogramming.Status.values:
        status = ""
    return render(
        request,
        "planning/reprogramming_index.html",
        {
            "reprogrammings": _page(request, selectors.reprogramming_list(user=request.user, status=status)),
            "status": status,
            "statuses": Reprogramming.Status.choices,
            "crumbs": [*_crumbs(), (_("Reprogramaciones"), reverse("planning:reprogramming_index"))],
        },
    )


@login_required
def reprogramming_detail(request, pk: int):
    reprogramming = get_object_or_404(selectors.reprogrammings_with_chain(), pk=pk)
    goal = reprogramming.goal
    services.plan_ensure_readable_by(user=request.user, plan=services.goal_plan(goal))
    form = ReprogrammingDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = (
            services.reprogramming_approve
            if form.cleaned_data["decision"] == "approve"
            else services.reprogramming_reject
        )
        try:
            decide(
                reprogramming=reprogramming, user=request.user, comment=form.cleaned_data["decision_comment"]
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Decisión registrada."))
            return redirect("planning:goal_detail", pk=goal.pk)
    label = _("Reprogramación n.º %(id)s") % {"id": reprogramming.pk}
    return render(
        request,
        "planning/reprogramming_detail.html",
        {
            "reprogramming": reprogramming,
            "goal": goal,
            "form": form,
            "can_decide": request.user.is_planning_lead
            and reprogramming.status == Reprogramming.Status.REQUESTED,
            "crumbs": [*_goal_crumbs(goal), (label, reverse("planning:reprogramming_detail", args=[pk]))],
        },
    )
