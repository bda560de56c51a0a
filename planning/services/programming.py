"""Writes of the monthly programming of a POA: the grid's one save, even and pattern spreads, and the
files. Programming is part of the plan: it keeps history and, once the POA is approved, changes only
through reprogrammings (``planning.services.reprogrammings``)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from common.versions import ensure_current, snapshot_read
from planning.models import Goal, Measure, MonthlyProgramming, Plan
from planning.permissions import programming_ensure_writable_by
from planning.selectors.programming import (
    MEASURES,
    execution_pattern,
    goal_months,
    plan_subproduct_goals,
    programming_labels,
    programming_values,
)
from planning.services.plans import plan_ensure_not_approved
from planning.spreads import MEASURE_QUANTUM, MONTH_COUNT, months_problem, spread_by_pattern, spread_evenly

# subproduct id → measure → twelve figures (None: a blank month); every month blank clears the measure.
Entries = dict[int, dict[str, list[Decimal | None]]]


def programming_ensure_editable(*, plan: Plan, user) -> None:
    """Planning staff program a POA of their institution while it is not approved (``user`` None: the
    system, from the command line without --user)."""
    programming_ensure_writable_by(user=user, plan=plan)
    if plan.kind != Plan.Kind.POA:
        raise ValidationError(
            _("Solo un POA se programa por mes; «%(plan)s» es un %(kind)s.")
            % {"plan": plan, "kind": plan.get_kind_display()}
        )
    plan_ensure_not_approved(
        plan=plan,
        message=_("El POA «%(plan)s» está aprobado: cambie la programación mediante una reprogramación."),
    )


def entry_key(subproduct_id: int, measure: str) -> str:
    """Where a refusal of one row is filed in the ValidationError: ``<subproduct id>-<measure>``."""
    return f"{subproduct_id}-{measure}"


def programming_problems(*, goals: dict[int, Goal], entries: Entries) -> dict[str, tuple[int | None, str]]:
    """Each refused row, keyed by ``entry_key``, with the month at fault (None: the whole row)."""
    problems = {}
    for subproduct_id, by_measure in entries.items():
        goal = goals.get(subproduct_id)
        for measure, months in by_measure.items():
            key = entry_key(subproduct_id, measure)
            if all(value is None for value in months):
                continue
            if goal is None:
                problems[key] = (None, _("El subproducto no tiene meta en este POA: no se programa."))
                continue
            name = goal.subproduct.name
            if len(months) != MONTH_COUNT or any(value is None for value in months):
                problems[key] = (
                    next((i for i, v in enumerate(months, start=1) if v is None), None),
                    _(
                        "La programación %(measure)s de «%(name)s» necesita los doce meses "
                        "(escriba 0 donde no hay)."
                    )
                    % {"measure": Measure(measure).label.lower(), "name": name},
                )
                continue
            goal_value = Decimal(getattr(goal, f"{measure}_current"))
            problem = months_problem(months=months, goal=goal_value, measure=measure, name=name)
            if problem:
                problems[key] = problem
    return problems


@transaction.atomic
def programming_save(*, plan: Plan, entries: Entries, user, version: str = "", reason: str = "") -> int:
    """Validate every row of ``entries`` and write them all or nothing; returns how many months changed.

    ``version`` (from ``programming_grid``) refuses a grid someone else saved in the meantime.
    """
    programming_ensure_editable(plan=plan, user=user)
    goals = {
        goal.subproduct_id: goal
        for goal in plan_subproduct_goals(plan=plan, year=plan.start_year).select_for_update(of=("self",))
    }
    saved = goal_months(list(goals.values()))
    ensure_current(
        read=snapshot_read(version) if version else None,
        current=programming_values(goals=list(goals.values()), months=saved),
        labels=programming_labels(list(goals.values())),
        history=MonthlyProgramming.history.filter(goal__in=goals.values()).select_related("history_user")[:1],
    )
    problems = programming_problems(goals=goals, entries=entries)
    if problems:
        raise ValidationError({key: [message] for key, (_month, message) in problems.items()})
    return programming_write(
        goals=goals, entries=entries, user=user, reason=reason or _("Programación mensual")
    )


def programming_write(*, goals: dict[int, Goal], entries: Entries, user, reason: str) -> int:
    """Write rows already validated (by ``programming_save`` or an approved reprogramming), with history."""
    existing = {
        (row.goal_id, row.measure, row.month): row
        for row in MonthlyProgramming.objects.filter(goal__in=[goals[s] for s in entries if s in goals])
    }
    creates, updates, removals = [], [], []
    now = timezone.now()
    for subproduct_id, by_measure in entries.items():
        goal = goals[subproduct_id]
        for measure, months in by_measure.items():
            if all(value is None for value in months):
                removals += [row for key, row in existing.items() if key[:2] == (goal.id, measure)]
                continue
            for month, value in enumerate(months, start=1):
                row = existing.get((goal.id, measure, month))
                if row is None:
                    creates.append(MonthlyProgramming(goal=goal, measure=measure, month=month, value=value))
                elif row.value != value:
                    row.value, row.updated_at = value, now
                    updates.append(row)
    if creates:
        bulk_create_with_history(creates, MonthlyProgramming, default_user=user, default_change_reason=reason)
    if updates:
        bulk_update_with_history(
            updates,
            MonthlyProgramming,
            ["value", "updated_at"],
            default_user=user,
            default_change_reason=reason,
        )
    for row in removals:
        row._history_user, row._change_reason = user, reason
        row.delete()
    return len(creates) + len(updates) + len(removals)


def programming_spread(
    *, plan: Plan, subproduct_ids: list[int], measures: list[str], user, pattern_year: int | None = None
) -> int:
    """Program the chosen subproducts' measures from their current goals: evenly, or (``pattern_year``)
    in proportion to that year's execution of the subproduct with the same code; a subproduct without
    any execution that year is spread evenly."""
    goals = {
        goal.subproduct_id: goal
        for goal in plan_subproduct_goals(plan=plan, year=plan.start_year).filter(
            subproduct_id__in=subproduct_ids
        )
    }
    if not goals:
        raise ValidationError(_("Elija al menos un subproducto con meta para repartir."))
    patterns = {}
    if pattern_year is not None:
        codes = [goal.subproduct.code for goal in goals.values()]
        patterns = execution_pattern(institution=plan.institution, year=pattern_year, codes=codes)
    entries: Entries = {}
    for subproduct_id, goal in goals.items():
        for measure in measures if measures else MEASURES:
            total = Decimal(getattr(goal, f"{measure}_current"))
            weights = patterns.get(goal.subproduct.code, {}).get(measure)
            quantum = MEASURE_QUANTUM[measure]
            entries.setdefault(subproduct_id, {})[measure] = (
                spread_by_pattern(total, weights, quantum=quantum)
                if weights
                else spread_evenly(total, MONTH_COUNT, quantum=quantum)
            )
    reason = (
        _("Reparto según la ejecución de %(year)s") % {"year": pattern_year}
        if pattern_year
        else _("Reparto por igual")
    )
    return programming_save(plan=plan, entries=entries, user=user, reason=reason)
