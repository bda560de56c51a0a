"""Writes of the results chain below a plan: results, products, subproducts, categories."""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import (
    Institution,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    ResultTarget,
    Subproduct,
)
from planning.permissions import plan_ensure_editable_by
from planning.services.history import save_with_history

CATEGORY_CODE = re.compile(r"^(\d{2})-(\d{2})-(\d{3})-(\d{3})$")


def _ensure_code_free(instance, siblings, *, where: str) -> None:
    if siblings.filter(code=instance.code).exclude(pk=instance.pk).exists():
        raise ValidationError(
            {
                "code": _("Ya existe el código %(code)s en %(where)s.")
                % {"code": instance.code, "where": where}
            }
        )


@transaction.atomic
def result_save(*, result: Result, user, targets: dict[int, tuple[Decimal, str]]) -> Result:
    """Save a result and its cumulative targets per plan year (year → (value, statement)); blank years go."""
    plan_ensure_editable_by(user=user, plan=result.plan)
    outside = sorted(year for year in targets if year not in result.plan.years)
    if outside:
        raise ValidationError(
            _("Los años %(years)s están fuera del plan.") % {"years": ", ".join(map(str, outside))}
        )
    _ensure_code_free(result, result.plan.results, where=_("los resultados de este plan"))
    save_with_history(result, user=user, reason=_("Edición del resultado"))
    # Targets outside the plan's years (a POA may state its result's horizon) are not the form's to drop.
    result.targets.filter(year__in=list(result.plan.years)).exclude(year__in=list(targets)).delete()
    existing = {target.year: target for target in result.targets.all()}
    for year, (value, statement) in sorted(targets.items()):
        target = existing.get(year) or ResultTarget(result=result, year=year)
        if target.pk and (target.value, target.statement) == (value, statement):
            continue  # saved again it would add a version without a change to its history
        target.value, target.statement = value, statement
        save_with_history(target, user=user, reason=_("Edición del resultado"))
    return result


def coverage_clean(*, is_national: bool, departments, municipalities) -> None:
    """National coverage lists no places; otherwise at least one department, and towns inside them."""
    if is_national and (departments or municipalities):
        raise ValidationError(
            {"is_national": _("Con cobertura nacional no se listan departamentos ni municipios.")}
        )
    if not is_national and not departments:
        raise ValidationError(
            {"departments": _("Marque cobertura nacional o elija al menos un departamento.")}
        )
    chosen = {department.pk for department in departments}
    strays = [town.name for town in municipalities if town.department_id not in chosen]
    if strays:
        raise ValidationError(
            {
                "municipalities": _("Municipios fuera de los departamentos elegidos: %(towns)s.")
                % {"towns": ", ".join(strays)}
            }
        )


def _save_coverage(instance, *, user, departments, municipalities, reason: str) -> None:
    coverage_clean(is_national=instance.is_national, departments=departments, municipalities=municipalities)
    save_with_history(instance, user=user, reason=reason)
    instance.departments.set(departments)
    instance.municipalities.set(municipalities)


def category_for_code(*, institution: Institution, code: str, name: str = "") -> ProgrammaticCategory:
    """The programmatic category written ``11-00-000-002``; registered when new and a name is given."""
    match = CATEGORY_CODE.match((code or "").strip())
    if not match:
        raise ValidationError(
            {
                "category_code": _(
                    "Use el formato programa-subprograma-proyecto-actividad, p. ej. 11-00-000-002."
                )
            }
        )
    program_code, subprogram, project, activity = match.groups()
    program = Program.objects.filter(institution=institution, code=program_code).first()
    if program is None:
        raise ValidationError(
            {
                "category_code": _("El programa %(code)s no existe en %(inst)s.")
                % {"code": program_code, "inst": institution.code}
            }
        )
    category = ProgrammaticCategory.objects.filter(
        program=program, subprogram=subprogram, project=project, activity=activity
    ).first()
    if category is not None:
        return category
    if not (name or "").strip():
        raise ValidationError(
            {
                "category_name": _(
                    "La categoría %(code)s no está registrada: escriba la descripción de la actividad."
                )
                % {"code": code}
            }
        )
    category = ProgrammaticCategory(
        program=program, subprogram=subprogram, project=project, activity=activity, name=name.strip()
    )
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def product_save(
    *, product: Product, user, category_code: str, category_name: str = "", departments, municipalities
) -> Product:
    plan_ensure_editable_by(user=user, plan=product.plan)
    if product.result_id and product.result.plan_id != product.plan_id:
        raise ValidationError({"result": _("El resultado pertenece a otro plan.")})
    _ensure_code_free(product, product.plan.products, where=_("los productos de este plan"))
    product.category = category_for_code(
        institution=product.plan.institution, code=category_code, name=category_name
    )
    _save_coverage(
        product,
        user=user,
        departments=departments,
        municipalities=municipalities,
        reason=_("Edición del producto"),
    )
    return product


@transaction.atomic
def subproduct_save(*, subproduct: Subproduct, user, departments, municipalities) -> Subproduct:
    plan_ensure_editable_by(user=user, plan=subproduct.product.plan)
    _ensure_code_free(
        subproduct, subproduct.product.subproducts, where=_("los subproductos de este producto")
    )
    _save_coverage(
        subproduct,
        user=user,
        departments=departments,
        municipalities=municipalities,
        reason=_("Edición del subproducto"),
    )
    return subproduct
