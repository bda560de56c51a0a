"""Percentages: two places, half up, and 0.00 when there is nothing to divide by."""

from decimal import Decimal

from common.figures import percentage


def test_percentage_rounds_half_up_and_zero_denominator_gives_zero():
    assert percentage(Decimal("1"), Decimal("8")) == Decimal("12.50")
    assert percentage(Decimal("2"), Decimal("3")) == Decimal("66.67")
    assert percentage(Decimal("0.125"), Decimal("1")) == Decimal("12.50")
    assert percentage(Decimal("0.00125"), Decimal("1")) == Decimal("0.13")
    assert percentage(Decimal("629998.90"), Decimal("0")) == Decimal("0.00")
