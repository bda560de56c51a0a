"""Writes and business rules of the results chain: geography, goals and reprogrammings.

Refusals raise ``ValidationError`` (bad input or a rule) or ``PermissionDenied`` (wrong role or
institution), always with a Spanish message that the views show as is.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from .models import (
    Department,
    Goal,
    Institution,
    Measure,
    Municipality,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)

GOAL_EDITABLE_FIELDS = frozenset(
    {"physical_initial", "physical_current", "financial_initial", "financial_current", "source_note"}
)
# Where each measure keeps its values on the goal.
MEASURE_FIELDS = {
    Measure.PHYSICAL: ("physical_initial", "physical_current"),
    Measure.FINANCIAL: ("financial_initial", "financial_current"),
}


# --- Permissions --------------------------------------------------------------------------------


def _same_institution(user, plan: Plan) -> bool:
    return user.is_superuser or user.institution_id == plan.institution_id


def plan_ensure_editable_by(*, user, plan: Plan) -> None:
    """Only planning staff of the plan's institution write the chain."""
    if not (user.is_superuser or getattr(user, "is_planning_staff", False)):
        raise PermissionDenied(_("Solo el personal de planificación puede modificar los planes."))
    if not _same_institution(user, plan):
        raise PermissionDenied(_("El plan «%(plan)s» es de otra institución.") % {"plan": plan})


def plan_ensure_not_approved(*, plan: Plan, message: str) -> None:
    """What an approved plan fixed (goals, indicator sheets) stays as approved; ``message`` names
    the plan as «%(plan)s» and says what applies instead."""
    if plan.is_approved:
        raise ValidationError(message % {"plan": plan}, code="plan_approved")


def plan_content_editable_by(*, user, plan: Plan) -> bool:
    """Whether pages offer ``user`` to edit the plan's goals and indicator sheets: the two rules above."""
    try:
        plan_ensure_editable_by(user=user, plan=plan)
        plan_ensure_not_approved(plan=plan, message="")
    except (PermissionDenied, ValidationError):
        return False
    return True


def plan_ensure_readable_by(*, user, plan: Plan) -> None:
    """Planning staff, directors and auditors of the institution (and SEGEPLAN) read plans."""
    if not getattr(user, "reads_everything", False):
        raise PermissionDenied(_("Su rol no permite consultar los planes."))
    if user.institution_id is not None and not _same_institution(user, plan):
        raise PermissionDenied(_("El plan «%(plan)s» es de otra institución.") % {"plan": plan})


def goal_plan(goal: Goal) -> Plan:
    product = goal.subproduct.product if goal.subproduct_id else goal.product
    return product.plan


# --- Geography ----------------------------------------------------------------------------------


def _geography_entries(path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(_("No se encontró el archivo de geografía %(path)s.") % {"path": path}) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            _("El archivo de geografía %(path)s no es un JSON legible: %(error)s")
            % {"path": path, "error": exc}
        ) from exc
    departments = data.get("departments") if isinstance(data, dict) else None
    if not isinstance(departments, list) or not departments:
        raise ValidationError(
            _("El archivo de geografía %(path)s no tiene la lista «departments».") % {"path": path}
        )
    return departments


def _geography_check(entry, *, pattern: str, place: str) -> tuple[str, str]:
    code = entry.get("code") if isinstance(entry, dict) else None
    name = entry.get("name") if isinstance(entry, dict) else None
    if not isinstance(code, str) or not re.fullmatch(pattern, code) or not isinstance(name, str) or not name:
        raise ValidationError(
            _("Entrada inválida en %(place)s: se esperaba código y nombre, se encontró %(entry)s.")
            % {"place": place, "entry": entry}
        )
    return code, name.strip()


@transaction.atomic
def geography_load(*, path) -> int:
    """Load departments and municipalities from the official JSON list; idempotent.

    Returns how many rows were written (departments plus municipalities). Any broken entry
    rolls the whole load back.
    """
    written = 0
    for position, entry in enumerate(_geography_entries(path), start=1):
        code, name = _geography_check(
            entry, pattern=r"\d{2}", place=_("el departamento n.º %(n)s") % {"n": position}
        )
        department, _created = Department.objects.update_or_create(code=code, defaults={"name": name})
        written += 1
        municipalities = entry.get("municipalities")
        if not isinstance(municipalities, list) or not municipalities:
            raise ValidationError(_("El departamento %(name)s no tiene municipios.") % {"name": name})
        for town in municipalities:
            town_code, town_name = _geography_check(
                town, pattern=code + r"\d{2}", place=_("los municipios de %(name)s") % {"name": name}
            )
            Municipality.objects.update_or_create(
                code=town_code, defaults={"department": department, "name": town_name}
            )
            written += 1
    return written


# --- The chain: institution, plan, result, product, subproduct ----------------------------------


CATEGORY_CODE = re.compile(r"^(\d{2})-(\d{2})-(\d{3})-(\d{3})$")


@transaction.atomic
def institution_save(*, institution: Institution, user) -> Institution:
    """Administrators register institutions; planning staff keep their own institution's data."""
    own = institution.pk is not None and user.is_planning_staff and user.institution_id == institution.pk
    if not (user.is_superuser or own):
        raise PermissionDenied(_("Solo el personal de planificación de la institución puede modificarla."))
    _save_with_history(institution, user=user, reason=_("Edición de la institución"))
    return institution


@transaction.atomic
def plan_save(*, plan: Plan, user) -> Plan:
    """Create or edit a plan; only the planning lead marks it approved, with its act and date."""
    plan_ensure_editable_by(user=user, plan=plan)
    was_approved = (
        plan.pk is not None and Plan.objects.filter(pk=plan.pk, status=Plan.Status.APPROVED).exists()
    )
    if plan.is_approved and not was_approved and not (user.is_superuser or user.is_planning_lead):
        raise ValidationError({"status": _("Solo la jefatura de planificación puede aprobar un plan.")})
    if plan.is_approved and not (plan.approval_act and plan.approval_date):
        raise ValidationError({"approval_act": _("Un plan aprobado necesita su acto y fecha de aprobación.")})
    _save_with_history(plan, user=user, reason=_("Edición del plan"))
    return plan


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
    _save_with_history(result, user=user, reason=_("Edición del resultado"))
    # Targets outside the plan's years (a POA may state its result's horizon) are not the form's to drop.
    result.targets.filter(year__in=list(result.plan.years)).exclude(year__in=list(targets)).delete()
    existing = {target.year: target for target in result.targets.all()}
    for year, (value, statement) in sorted(targets.items()):
        target = existing.get(year) or ResultTarget(result=result, year=year)
        if target.pk and (target.value, target.statement) == (value, statement):
            continue  # saved again it would add a version without a change to its history
        target.value, target.statement = value, statement
        _save_with_history(target, user=user, reason=_("Edición del resultado"))
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
    _save_with_history(instance, user=user, reason=reason)
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


# --- Goals --------------------------------------------------------------------------------------


def _save_with_history(instance: models.Model, *, user, reason: str) -> None:
    instance._history_user = user
    instance.full_clean()
    instance.save()
    if hasattr(type(instance), "history"):  # institutions keep no history of their own
        update_change_reason(instance, reason)


@transaction.atomic
def goal_update(*, goal: Goal, user, **values) -> Goal:
    """Change (or create, when ``goal`` is unsaved) a goal of a plan that is not approved.

    The change is kept in the goal's history with the user and the reason.

    When only an initial value is given and the measure has no approved reprogramming, the
    current value follows it (before any reprogramming both are the same figure).
    """
    unknown = set(values) - GOAL_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(_("Campos no editables de la meta: %(f)s.") % {"f": ", ".join(sorted(unknown))})
    plan = goal_plan(goal)
    plan_ensure_editable_by(user=user, plan=plan)
    plan_ensure_not_approved(
        plan=plan, message=_("El plan «%(plan)s» está aprobado: cambie la meta mediante una reprogramación.")
    )
    for measure, (initial, current) in MEASURE_FIELDS.items():
        if initial in values and current not in values and not _has_approved_reprogramming(goal, measure):
            values[current] = values[initial]
    for field, value in values.items():
        setattr(goal, field, value)
    _save_with_history(goal, user=user, reason=_("Edición directa de la meta"))
    return goal


def _has_approved_reprogramming(goal: Goal, measure: str) -> bool:
    return (
        goal.pk is not None
        and goal.reprogrammings.filter(measure=measure, status=Reprogramming.Status.APPROVED).exists()
    )


def goal_current_value(*, goal: Goal, measure: str) -> Decimal:
    return Decimal(getattr(goal, MEASURE_FIELDS[measure][1])).quantize(Decimal("0.01"))


# --- Reprogrammings -----------------------------------------------------------------------------


def _clean_new_value(measure: str, new_value) -> Decimal:
    try:
        value = Decimal(str(new_value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"new_value": _("Escriba un número válido.")}) from exc
    if value < 0:
        raise ValidationError({"new_value": _("El valor nuevo no puede ser negativo.")})
    if measure == Measure.PHYSICAL and value != value.to_integral_value():
        raise ValidationError({"new_value": _("La meta física se expresa en unidades enteras.")})
    return value


@transaction.atomic
def reprogramming_request(
    *,
    goal: Goal,
    measure: str,
    new_value,
    justification: str,
    supporting_act: str,
    effective_date: datetime.date,
    user,
) -> Reprogramming:
    """Record a request to change a goal's current value; the lead decides later."""
    plan = goal_plan(goal)
    plan_ensure_editable_by(user=user, plan=plan)
    if measure not in MEASURE_FIELDS:
        raise ValidationError({"measure": _("Elija meta física o financiera.")})
    if not plan.is_approved:
        raise ValidationError(
            _("El plan «%(plan)s» no está aprobado: edite la meta directamente.") % {"plan": plan}
        )
    value = _clean_new_value(measure, new_value)
    old_value = goal_current_value(goal=goal, measure=measure)
    if value == old_value:
        raise ValidationError({"new_value": _("El valor nuevo es igual a la meta vigente.")})
    if goal.reprogrammings.filter(measure=measure, status=Reprogramming.Status.REQUESTED).exists():
        raise ValidationError(
            _("Ya hay una reprogramación pendiente de la meta %(measure)s; espere su decisión.")
            % {"measure": Measure(measure).label.lower()}
        )
    reprogramming = Reprogramming(
        goal=goal,
        measure=measure,
        old_value=old_value,
        new_value=value,
        effective_date=effective_date,
        justification=(justification or "").strip(),
        supporting_act=(supporting_act or "").strip(),
        requested_by=user,
    )
    if not reprogramming.supporting_act:
        raise ValidationError({"supporting_act": _("Indique el acto que respalda la reprogramación.")})
    _save_with_history(reprogramming, user=user, reason=_("Solicitud de reprogramación"))
    return reprogramming


def _ensure_decidable(*, reprogramming: Reprogramming, user) -> None:
    if not (
        getattr(user, "is_planning_lead", False) and _same_institution(user, goal_plan(reprogramming.goal))
    ):
        raise PermissionDenied(
            _("Solo la jefatura de planificación puede aprobar o rechazar reprogramaciones.")
        )
    if reprogramming.status != Reprogramming.Status.REQUESTED:
        raise ValidationError(
            _("La reprogramación ya fue %(status)s.") % {"status": reprogramming.get_status_display().lower()}
        )


def _decide(*, reprogramming: Reprogramming, user, status: str, comment: str, reason: str) -> None:
    reprogramming.status = status
    reprogramming.decided_by = user
    reprogramming.decided_at = timezone.now()
    reprogramming.approver_name = str(user) if status == Reprogramming.Status.APPROVED else ""
    reprogramming.decision_comment = (comment or "").strip()
    _save_with_history(reprogramming, user=user, reason=reason)


@transaction.atomic
def reprogramming_approve(*, reprogramming: Reprogramming, user, comment: str = "") -> Reprogramming:
    """Approve a request and move the goal's current value to the new value, together."""
    reprogramming = Reprogramming.objects.select_for_update().get(pk=reprogramming.pk)
    _ensure_decidable(reprogramming=reprogramming, user=user)
    goal = Goal.objects.select_for_update().get(pk=reprogramming.goal_id)
    current = goal_current_value(goal=goal, measure=reprogramming.measure)
    if current != reprogramming.old_value:
        raise ValidationError(
            _(
                "La solicitud partía de una meta vigente de %(old)s, pero hoy es %(current)s: "
                "recházela y solicite una nueva."
            )
            % {"old": reprogramming.old_value, "current": current}
        )
    field = MEASURE_FIELDS[reprogramming.measure][1]
    new_value = reprogramming.new_value
    setattr(goal, field, int(new_value) if reprogramming.measure == Measure.PHYSICAL else new_value)
    _decide(
        reprogramming=reprogramming,
        user=user,
        status=Reprogramming.Status.APPROVED,
        comment=comment,
        reason=_("Aprobación de reprogramación"),
    )
    _save_with_history(
        goal, user=user, reason=_("Reprogramación n.º %(id)s aprobada") % {"id": reprogramming.pk}
    )
    return reprogramming


@transaction.atomic
def reprogramming_reject(*, reprogramming: Reprogramming, user, comment: str) -> Reprogramming:
    """Reject a request, saying why; the goal does not change."""
    reprogramming = Reprogramming.objects.select_for_update().get(pk=reprogramming.pk)
    _ensure_decidable(reprogramming=reprogramming, user=user)
    if not (comment or "").strip():
        raise ValidationError({"decision_comment": _("Explique el motivo del rechazo.")})
    _decide(
        reprogramming=reprogramming,
        user=user,
        status=Reprogramming.Status.REJECTED,
        comment=comment,
        reason=_("Rechazo de reprogramación"),
    )
    return reprogramming
