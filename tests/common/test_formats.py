"""Figures and dates are written as the reference documents write them."""

from datetime import date
from decimal import Decimal

from common.formats import figure as money
from common.templatetags.formats import long_date


def test_money_is_formatted_like_the_reference():
    assert money(Decimal("292649151")) == "292,649,151.00"
    assert money(Decimal("8438072.00")) == "8,438,072.00"
    assert money(Decimal("0")) == "0.00"


def test_letter_date_is_written_like_the_reference():
    assert long_date(date(2025, 1, 14)) == "14 de enero 2025"
