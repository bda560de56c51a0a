"""Figures and dates are written as the reference documents write them."""

from datetime import UTC, date, datetime
from decimal import Decimal

from common.formats import date_time
from common.formats import figure as money
from common.templatetags.formats import long_date


def test_money_is_formatted_like_the_reference():
    assert money(Decimal("292649151")) == "292,649,151.00"
    assert money(Decimal("8438072.00")) == "8,438,072.00"
    assert money(Decimal("0")) == "0.00"


def test_letter_date_is_written_like_the_reference():
    assert long_date(date(2025, 1, 14)) == "14 de enero 2025"


def test_a_moment_is_written_day_month_year_in_guatemala_time():
    # Guatemala keeps UTC-6 all year: 18:45 UTC is 12:45 there.
    assert date_time(datetime(2026, 11, 30, 18, 45, tzinfo=UTC)) == "30/11/2026 12:45"
    assert date_time(datetime(2027, 1, 1, 3, 5, tzinfo=UTC)) == "31/12/2026 21:05"
