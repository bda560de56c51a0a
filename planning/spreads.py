"""The arithmetic of monthly programming: spreading an annual goal over months so that the months add
up exactly to it, and checking that typed months do.

Physical figures are whole units, financial ones quetzales with two places (``MEASURE_QUANTUM``). Every
share is rounded down to the quantum and the rounding remainder goes to the last month that gets a
share, so the sum is exact and no month is negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from django.utils.translation import gettext as _

from common.figures import CENT
from common.formats import figure, units

from .models import Measure

MONTH_COUNT = 12
MEASURE_QUANTUM = {Measure.PHYSICAL: Decimal(1), Measure.FINANCIAL: CENT}


def spread_evenly(total: Decimal, count: int, *, quantum: Decimal) -> list[Decimal]:
    """``total`` in ``count`` equal shares rounded down, the remainder on the last one."""
    total = Decimal(total)
    share = (total / count).quantize(quantum, rounding=ROUND_DOWN)
    return [share] * (count - 1) + [total - share * (count - 1)]


def spread_by_pattern(total: Decimal, weights: Sequence[Decimal], *, quantum: Decimal) -> list[Decimal]:
    """``total`` in proportion to ``weights`` (e.g. a previous year's monthly execution), each share
    rounded down, the remainder on the last month with a weight; evenly when every weight is zero."""
    total = Decimal(total)
    weight_sum = sum((Decimal(weight) for weight in weights), Decimal(0))
    if weight_sum <= 0:
        return spread_evenly(total, len(weights), quantum=quantum)
    shares = [
        (total * Decimal(weight) / weight_sum).quantize(quantum, rounding=ROUND_DOWN) for weight in weights
    ]
    last = max(index for index, weight in enumerate(weights) if Decimal(weight) > 0)
    shares[last] += total - sum(shares, Decimal(0))
    return shares


def respread(
    total: Decimal, current: Sequence[Decimal], closed: int, *, quantum: Decimal
) -> list[Decimal] | None:
    """A new ``total`` over the months after the first ``closed`` ones, which keep their figures;
    None when the closed months alone already exceed it."""
    kept = [Decimal(value) for value in current[:closed]]
    rest = Decimal(total) - sum(kept, Decimal(0))
    if rest < 0:
        return None
    if closed >= MONTH_COUNT:
        return kept if rest == 0 else None
    return kept + spread_evenly(rest, MONTH_COUNT - closed, quantum=quantum)


def measure_figure(value: Decimal, measure: str) -> str:
    return units(value) if measure == Measure.PHYSICAL else f"Q {figure(value)}"


def months_problem(
    *, months: Sequence[Decimal], goal: Decimal, measure: str, name: str
) -> tuple[int | None, str] | None:
    """Why twelve months cannot be a goal's programming, as (the month at fault, or None for the
    sum; the reason in Spanish), or None when they can: no month negative, whole units for physical
    and cents for financial, and the sum exactly the goal."""
    label = Measure(measure).label.lower()
    quantum = MEASURE_QUANTUM[measure]
    for month, value in enumerate(months, start=1):
        values = {"measure": label, "name": name, "month": month, "value": value}
        if value < 0:
            return month, _(
                "La programación %(measure)s de «%(name)s» tiene un mes negativo (mes %(month)s: %(value)s)."
            ) % values
        if value != value.quantize(quantum, rounding=ROUND_DOWN):
            message = (
                _("La programación física de «%(name)s» va en unidades enteras (mes %(month)s: %(value)s).")
                if measure == Measure.PHYSICAL
                else _(
                    "La programación financiera de «%(name)s» va en quetzales con dos decimales "
                    "(mes %(month)s: %(value)s)."
                )
            )
            return month, message % values
    total = sum(months, Decimal(0))
    if total != goal:
        return None, _(
            "La programación %(measure)s de «%(name)s» suma %(sum)s y la meta vigente es %(goal)s: "
            "diferencia %(difference)s."
        ) % {
            "measure": label,
            "name": name,
            "sum": measure_figure(total, measure),
            "goal": measure_figure(goal, measure),
            "difference": measure_figure(total - goal, measure),
        }
    return None
