"""The annual operating plan (POA) of a year, created from the POM that covers it."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import Goal, Plan, Product, Result, Subproduct
from planning.permissions import plan_ensure_editable_by
from planning.services.history import save_with_history

# What other apps carry from the POM's subproducts to the POA's (budget: which cost centres produce
# them and the year's execution already recorded): hook(year=, subproducts={POM id: POA id}, user=).
CarryOver = Callable[..., None]
_carry_overs: list[CarryOver] = []


def annual_plan_carry_over_register(hook: CarryOver) -> None:
    if hook not in _carry_overs:
        _carry_overs.append(hook)


def _copy(instance, *, user, reason: str, **changes):
    """A saved copy of ``instance`` with ``changes``, its coverage too."""
    departments = list(instance.departments.all()) if hasattr(instance, "departments") else None
    municipalities = list(instance.municipalities.all()) if departments is not None else None
    instance.pk = instance.id = None
    instance._state.adding = True
    for name, value in changes.items():
        setattr(instance, name, value)
    save_with_history(instance, user=user, reason=reason)
    if departments is not None:
        instance.departments.set(departments)
        instance.municipalities.set(municipalities)
    return instance


@transaction.atomic
def annual_plan_create(*, pom: Plan, year: int, user) -> Plan:
    """The POA of ``year`` from ``pom``: its results (with their targets), products, subproducts,
    categories and coverage, and the year's goals as the POA's initial goals; in formulation.

    Refused when ``pom`` is not a POM covering ``year`` or the institution already has that POA.
    """
    if user is not None:  # None: the system, from the command line without --user
        plan_ensure_editable_by(user=user, plan=pom)
    if pom.kind != Plan.Kind.POM or year not in pom.years:
        raise ValidationError(
            _("El POA de %(year)s se crea desde el POM que cubre ese año; «%(plan)s» no lo cubre.")
            % {"year": year, "plan": pom}
        )
    existing = Plan.objects.filter(institution=pom.institution, kind=Plan.Kind.POA, start_year=year).first()
    if existing is not None:
        raise ValidationError(
            _("Ya existe el POA %(year)s de %(institution)s («%(plan)s», %(status)s); no se creó otro.")
            % {
                "year": year,
                "institution": pom.institution.code,
                "plan": existing,
                "status": existing.get_status_display().lower(),
            },
            code="exists",
        )
    reason = _("Creación del POA %(year)s desde «%(pom)s»") % {"year": year, "pom": pom}
    poa = Plan(
        institution=pom.institution,
        kind=Plan.Kind.POA,
        name=_("Plan Operativo Anual %(year)s") % {"year": year},
        start_year=year,
        end_year=year,
        status=Plan.Status.DRAFT,
        source_plan=pom,
    )
    save_with_history(poa, user=user, reason=reason)
    results = {}
    for result in Result.objects.filter(plan=pom).prefetch_related("targets"):
        targets = list(result.targets.all())
        old_id = result.id
        results[old_id] = _copy(result, user=user, reason=reason, plan=poa)
        for target in targets:
            _copy(target, user=user, reason=reason, result=results[old_id])
    subproduct_ids = _copy_products(pom, poa, year, results, user=user, reason=reason)
    for hook in _carry_overs:
        hook(year=year, subproducts=subproduct_ids, user=user)
    return poa


def _copy_products(pom: Plan, poa: Plan, year: int, results: dict, *, user, reason: str) -> dict[int, int]:
    goals = {
        (goal.product_id, goal.subproduct_id): goal
        for goal in Goal.objects.filter(year=year).filter(product__plan=pom)
        | Goal.objects.filter(year=year, subproduct__product__plan=pom)
    }
    note = _("Meta %(year)s del «%(pom)s» como meta inicial del POA.") % {"year": year, "pom": pom}
    subproduct_ids = {}
    products = Product.objects.filter(plan=pom).prefetch_related("departments", "municipalities")
    for product in products.order_by("position", "code"):
        old_product_id = product.id
        subproducts = list(
            Subproduct.objects.filter(product_id=old_product_id).prefetch_related(
                "departments", "municipalities"
            )
        )
        copy = _copy(product, user=user, reason=reason, plan=poa, result=results.get(product.result_id))
        _copy_goal(goals.get((old_product_id, None)), user=user, reason=reason, note=note, product=copy)
        for subproduct in subproducts:
            old_id = subproduct.id
            sub_copy = _copy(subproduct, user=user, reason=reason, product=copy)
            subproduct_ids[old_id] = sub_copy.id
            _copy_goal(goals.get((None, old_id)), user=user, reason=reason, note=note, subproduct=sub_copy)
    return subproduct_ids


def _copy_goal(goal: Goal | None, *, user, reason: str, note: str, **owner) -> None:
    if goal is None:
        return
    copy = Goal(
        year=goal.year,
        physical_initial=goal.physical_current,
        physical_current=goal.physical_current,
        financial_initial=goal.financial_current,
        financial_current=goal.financial_current,
        source=Goal.Source.DERIVED,
        source_note=note,
        **owner,
    )
    save_with_history(copy, user=user, reason=reason)
