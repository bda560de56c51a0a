"""Exact figures: money is ``Decimal`` with two places, never float; percentages two places,
half-up, and a zero denominator gives 0.00, never an error (DESIGN.md)."""

from decimal import ROUND_HALF_UP, Decimal

MONEY = {"max_digits": 16, "decimal_places": 2}  # every money field's size
ZERO = Decimal("0.00")
CENT = Decimal("0.01")
HUNDRED = Decimal("100.00")


def percentage(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator × 100, two places, half-up; a zero denominator gives 0.00."""
    if not denominator:
        return Decimal("0.00")
    return (Decimal(numerator) * HUNDRED / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def mean(values) -> Decimal:
    """Arithmetic mean, two places, half-up; no values give 0.00."""
    values = [Decimal(value) for value in values]
    if not values:
        return Decimal("0.00")
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)
