"""A plan created from its POM matrices workbook, all or nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from common.figures import ZERO
from planning.matrices.model import MatrixGoal, PomMatrices
from planning.models import (
    BudgetProjection,
    DeclaredTotal,
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    Subproduct,
)
from planning.selectors.goals_grid import plan_goal_figures
from planning.services.history import save_with_history


def _plan_replaceable(*, institution: Institution, matrices: PomMatrices, replace: bool) -> None:
    existing = Plan.objects.filter(
        institution=institution, kind=matrices.plan_kind, start_year=matrices.start_year
    ).first()
    if existing is None:
        return
    if not replace:
        raise ValidationError(
            _("Ya existe el plan «%(plan)s» de %(institution)s; use --reemplazar para sustituirlo.")
            % {"plan": existing, "institution": institution.code}
        )
    try:
        # Products first: they protect the results that the plan's deletion would cascade to.
        existing.products.all().delete()
        existing.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _("No se puede reemplazar el plan «%(plan)s»: otros registros dependen de él (%(what)s).")
            % {
                "plan": existing,
                "what": ", ".join(sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})),
            }
        ) from exc


def _import_chain(*, plan: Plan, matrices: PomMatrices, user) -> None:
    """Results, programs with their budget projection, then products with their categories,
    subproducts and goals: each level needs the rows saved just before it."""
    reason = _("Importación de las matrices del plan")
    results = _import_results(plan=plan, matrices=matrices, user=user, reason=reason)
    programs = _import_programs(plan=plan, matrices=matrices, user=user, reason=reason)
    for position, row in enumerate(matrices.products, start=1):
        if row.result_code and row.result_code not in results:
            raise ValidationError(
                _("El producto %(code)s cita el resultado %(result)s, que no está en la matriz 9.2.")
                % {"code": row.code, "result": row.result_code}
            )
        product = Product(
            plan=plan,
            result=results.get(row.result_code),
            category=_category(plan=plan, row=row, programs=programs),
            code=row.code,
            position=position,
            name=row.name,
            unit=row.unit,
            pgg_major_contribution=row.pgg_major_contribution,
        )
        save_with_history(product, user=user, reason=reason)
        for sub_position, sub_row in enumerate(row.subproducts, start=1):
            subproduct = Subproduct(
                product=product,
                code=sub_row.code,
                position=sub_position,
                name=sub_row.name,
                unit=sub_row.unit,
            )
            save_with_history(subproduct, user=user, reason=reason)
            for year, goal in zip(plan.years, sub_row.goals, strict=True):
                if goal is not None:
                    save_with_history(
                        _document_goal(goal, year, subproduct=subproduct), user=user, reason=reason
                    )


def _import_results(*, plan: Plan, matrices: PomMatrices, user, reason: str) -> dict[str, Result]:
    levels = {str(label): value for value, label in Result.Level.choices}
    results = {}
    for position, row in enumerate(matrices.results, start=1):
        if row.level not in levels:
            raise ValidationError(
                _("Nivel «%(level)s» desconocido en el resultado %(code)s.")
                % {"level": row.level, "code": row.code}
            )
        result = Result(
            plan=plan,
            code=row.code,
            position=position,
            description=row.description,
            level=levels[row.level],
            unit=row.unit,
            baseline_year=row.baseline_year,
            baseline_value=row.baseline_value,
        )
        save_with_history(result, user=user, reason=reason)
        results[row.code] = result
    return results


def _import_programs(*, plan: Plan, matrices: PomMatrices, user, reason: str) -> dict[str, Program]:
    programs = {}
    for row in matrices.programs:
        program, _created = Program.objects.get_or_create(
            institution=plan.institution, code=row.code, defaults={"name": row.name}
        )
        programs[row.code] = program
        for year, amount in zip(plan.years, row.amounts, strict=True):
            if amount is not None:
                save_with_history(
                    BudgetProjection(plan=plan, program=program, year=year, amount=amount),
                    user=user,
                    reason=reason,
                )
    return programs


def _category(*, plan: Plan, row, programs: dict[str, Program]) -> ProgrammaticCategory:
    """The product's programmatic category, created when the institution does not have it yet."""
    program = (
        programs.get(row.program_code)
        or Program.objects.filter(institution=plan.institution, code=row.program_code).first()
    )
    if program is None:
        raise ValidationError(
            _("El programa %(program)s del producto %(code)s falta en la proyección del presupuesto.")
            % {"program": row.program_code, "code": row.code}
        )
    category = ProgrammaticCategory.objects.filter(
        program=program, subprogram=row.subprogram, project=row.project, activity=row.activity
    ).first() or ProgrammaticCategory(
        program=program,
        subprogram=row.subprogram,
        project=row.project,
        activity=row.activity,
        name=row.activity_name,
    )
    if category.pk is None:
        category.full_clean()
        category.save()
    return category


def _document_goal(goal: MatrixGoal, year: int, **owner) -> Goal:
    return Goal(
        **owner,
        year=year,
        physical_initial=goal.physical,
        physical_current=goal.physical,
        financial_initial=goal.financial,
        financial_current=goal.financial,
        source=Goal.Source.DOCUMENT,
    )


def _import_declared(*, plan: Plan, matrices: PomMatrices, user) -> None:
    """Keep the figures the file prints for products when they differ from their subproducts'
    roll-up (the consistency check then reports them), and every printed total."""
    reason = _("Importación de las matrices del plan")
    figures = plan_goal_figures(plan=plan)
    products = dict(Product.objects.filter(plan=plan).values_list("code", "pk"))
    for row in matrices.products:
        product_id = products[row.code]
        for year, goal in zip(plan.years, row.goals, strict=True):
            physical, financial = figures["computed"].get((product_id, year), (0, ZERO))
            if (goal.physical, goal.financial) != (physical, financial):
                save_with_history(_document_goal(goal, year, product_id=product_id), user=user, reason=reason)
    for matrix, amounts in (
        (DeclaredTotal.Matrix.GOALS, matrices.goals_totals),
        (DeclaredTotal.Matrix.BUDGET_PROJECTION, matrices.projection_totals),
    ):
        for year, amount in zip(plan.years, amounts, strict=True):
            total = DeclaredTotal(plan=plan, matrix=matrix, year=year, amount=amount)
            total.full_clean()
            total.save()


@transaction.atomic
def plan_import(*, matrices: PomMatrices, replace: bool = False, user=None) -> Plan:
    """Create a plan from its POM matrices (the workbook of ``matrices_xlsx``), all or nothing.

    The institution is found by its code (created when it does not exist); programs and
    programmatic categories are reused by code. With ``replace`` an existing plan of the same
    kind and start year is deleted first.
    """
    institution = Institution.objects.filter(code=matrices.institution_code).first()
    if institution is None:
        institution = Institution(
            code=matrices.institution_code,
            name=matrices.institution_name,
            budget_code=matrices.institution_budget_code,
        )
        institution.full_clean()
        institution.save()
    if matrices.plan_kind not in Plan.Kind.values:
        raise ValidationError(_("Tipo de plan «%(kind)s» desconocido.") % {"kind": matrices.plan_kind})
    _plan_replaceable(institution=institution, matrices=matrices, replace=replace)
    plan = Plan(
        institution=institution,
        kind=matrices.plan_kind,
        name=matrices.plan_name,
        start_year=matrices.start_year,
        end_year=matrices.end_year,
        approval_act=matrices.approval_act,
    )
    save_with_history(plan, user=user, reason=_("Importación de las matrices del plan"))
    _import_chain(plan=plan, matrices=matrices, user=user)
    _import_declared(plan=plan, matrices=matrices, user=user)
    return plan
