"""Planning workspace: navigate and edit institution → plan → result → product → subproduct.

Views parse input, check who may read or write, call one service or selector and respond.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from common.forms import int_from_query, text_from_query
from planning.forms import InstitutionForm, PlanForm, ProductForm, ResultForm, SubproductForm
from planning.models import Institution, Plan, Product, Reprogramming, Result, Subproduct
from planning.permissions import (
    annual_plan_creatable_by,
    institution_editable_by,
    institution_ensure_editable_by,
    institution_ensure_readable_by,
    institutions_ensure_editable_by,
    plan_ensure_editable_by,
    plan_ensure_readable_by,
    plans_ensure_readable_by,
)
from planning.selectors.chain import coverage_places, plan_products, plan_results, product_subproducts
from planning.selectors.goals import owner_goals, reprogramming_list
from planning.selectors.history import object_changes, result_changes
from planning.selectors.plans import (
    institution_plans,
    institution_search,
    institution_workspace_list,
    pom_years,
)
from planning.services.chain import product_save, result_save, subproduct_save
from planning.services.plans import institution_save, plan_save
from planning.views.common import changes_page, crumbs, edit, page, plan_context


@login_required
def index(request):
    plans_ensure_readable_by(user=request.user)
    search = text_from_query(request.GET, "q", default="")
    institutions = institution_search(institution_workspace_list(user=request.user).order_by("code"), search)
    pending = reprogramming_list(user=request.user, status=Reprogramming.Status.REQUESTED).count()
    return render(
        request,
        "planning/index.html",
        {
            "institutions": page(request, institutions),
            "search": search,
            "pending": pending,
            "crumbs": crumbs(),
        },
    )


@login_required
def institution_detail(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    institution_ensure_readable_by(user=request.user, institution=institution)
    can_edit = institution_editable_by(user=request.user, institution=institution)
    return render(
        request,
        "planning/institution_detail.html",
        {
            "institution": institution,
            "plans": page(request, institution_plans(institution=institution)),
            "can_edit": can_edit,
            "crumbs": crumbs(institution),
        },
    )


def _institution_form(request, *, institution: Institution, title: str):
    institutions_ensure_editable_by(user=request.user)
    # The form shows the institution's data: refuse before rendering it, not only when saving.
    institution_ensure_editable_by(user=request.user, institution=institution)
    return edit(
        request,
        form=InstitutionForm(request.POST or None, instance=institution),
        save=lambda f: institution_save(institution=f.instance, user=request.user),
        context={"title": title, "crumbs": crumbs(institution if institution.pk else None)},
    )


@login_required
def institution_create(request):
    return _institution_form(request, institution=Institution(), title=_("Nueva institución"))


@login_required
def institution_edit(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    return _institution_form(request, institution=institution, title=_("Editar institución"))


def _plan_form(request, *, plan: Plan, title: str, crumbs_of):
    plan_ensure_editable_by(user=request.user, plan=plan)
    return edit(
        request,
        form=PlanForm(request.POST or None, instance=plan),
        save=lambda f: plan_save(plan=f.instance, user=request.user),
        context={"title": title, "crumbs": crumbs(crumbs_of)},
    )


@login_required
def plan_create(request, institution_pk: int):
    institution = get_object_or_404(Institution, pk=institution_pk)
    return _plan_form(
        request, plan=Plan(institution=institution), title=_("Nuevo plan"), crumbs_of=institution
    )


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution", "source_plan"), pk=pk)
    plan_ensure_readable_by(user=request.user, plan=plan)
    return render(
        request,
        "planning/plan_detail.html",
        {
            **plan_context(request, plan),
            "results": plan_results(plan=plan),
            "products": page(request, plan_products(plan=plan)),
            "changes": object_changes(instance=plan, page_number=changes_page(request)),
            "crumbs": crumbs(plan),
            "pom_years": pom_years(pom=plan) if plan.kind == Plan.Kind.POM else (),
            "can_create_poa": annual_plan_creatable_by(user=request.user, plan=plan),
        },
    )


@login_required
def plan_edit(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=pk)
    return _plan_form(request, plan=plan, title=_("Editar plan"), crumbs_of=plan)


@login_required
def result_detail(request, pk: int):
    result = get_object_or_404(Result.objects.select_related("plan__institution"), pk=pk)
    plan_ensure_readable_by(user=request.user, plan=result.plan)
    return render(
        request,
        "planning/result_detail.html",
        {
            **plan_context(request, result.plan),
            "result": result,
            "targets": result.targets.all(),
            "products": plan_products(plan=result.plan, result=result),
            "changes": result_changes(result=result, page_number=changes_page(request)),
            "crumbs": crumbs(result),
        },
    )


def _result_form(request, *, plan: Plan, result: Result, title: str, crumbs_of):
    plan_ensure_editable_by(user=request.user, plan=plan)
    form = ResultForm(request.POST or None, instance=result, plan=plan)
    return edit(
        request,
        form=form,
        save=lambda f: result_save(result=f.instance, user=request.user, targets=f.targets),
        context={"title": title, "crumbs": crumbs(crumbs_of)},
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
    plan_ensure_readable_by(user=request.user, plan=product.plan)
    return render(
        request,
        "planning/product_detail.html",
        {
            **plan_context(request, product.plan),
            "product": product,
            "subproducts": product_subproducts(product=product),
            "goals": owner_goals(owner=product),
            "coverage": coverage_places(owner=product),
            "changes": object_changes(instance=product, page_number=changes_page(request)),
            "crumbs": crumbs(product),
        },
    )


def _product_form(request, *, plan: Plan, product: Product, title: str, crumbs_of):
    plan_ensure_editable_by(user=request.user, plan=plan)
    form = ProductForm(request.POST or None, instance=product, plan=plan)

    def save(f):
        return product_save(
            product=f.instance,
            user=request.user,
            category_code=f.cleaned_data["category_code"],
            category_name=f.cleaned_data["category_name"],
            **_coverage(f),
        )

    return edit(
        request,
        form=form,
        save=save,
        context={"title": title, "crumbs": crumbs(crumbs_of), "categories": form.categories},
    )


@login_required
def product_create(request, plan_pk: int):
    plan = get_object_or_404(Plan.objects.select_related("institution"), pk=plan_pk)
    result = plan.results.filter(pk=int_from_query(request.GET, "resultado")).first()
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
    plan_ensure_readable_by(user=request.user, plan=plan)
    return render(
        request,
        "planning/subproduct_detail.html",
        {
            **plan_context(request, plan),
            "subproduct": subproduct,
            "goals": owner_goals(owner=subproduct),
            "coverage": coverage_places(owner=subproduct),
            "changes": object_changes(instance=subproduct, page_number=changes_page(request)),
            "crumbs": crumbs(subproduct),
        },
    )


def _subproduct_form(request, *, subproduct: Subproduct, title: str, crumbs_of):
    plan_ensure_editable_by(user=request.user, plan=subproduct.product.plan)
    form = SubproductForm(request.POST or None, instance=subproduct, product=subproduct.product)
    return edit(
        request,
        form=form,
        save=lambda f: subproduct_save(subproduct=f.instance, user=request.user, **_coverage(f)),
        context={"title": title, "crumbs": crumbs(crumbs_of)},
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
