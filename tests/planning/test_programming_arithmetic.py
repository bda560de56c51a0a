"""The arithmetic of monthly programming, with expected figures worked out by hand, and properties
that hold for any goal: a spread always adds up exactly to its goal, in whole units or cents."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planning.selectors.programming import months_to, straight_line
from planning.spreads import months_problem, respread, spread_by_pattern, spread_evenly

UNIT, CENT = Decimal(1), Decimal("0.01")


def D(*values):
    return [Decimal(str(v)) for v in values]


def test_even_spread_puts_the_rounding_remainder_on_the_last_month():
    # 1,000 ÷ 12 = 83.33…: eleven months of 83 (913) and December 1,000 − 913 = 87.
    assert spread_evenly(Decimal(1000), 12, quantum=UNIT) == D(*[83] * 11, 87)
    # Q 1,000.00 ÷ 12 = 83.333…: eleven of 83.33 (916.63) and December 83.37.
    assert spread_evenly(Decimal("1000.00"), 12, quantum=CENT) == D(*["83.33"] * 11, "83.37")
    # Fewer units than months: zeros, and everything in the last one.
    assert spread_evenly(Decimal(5), 12, quantum=UNIT) == D(*[0] * 11, 5)


def test_pattern_spread_follows_the_weights_and_keeps_the_remainder_on_the_last_weighted_month():
    # Weights 1:2:1 in Jan–Mar, none after: 100 → 25, 50, 25 exactly.
    weights = D(1, 2, 1, *[0] * 9)
    assert spread_by_pattern(Decimal(100), weights, quantum=UNIT) == D(25, 50, 25, *[0] * 9)
    # 10 by thirds: 3.33… rounded down to 3, 3, and the last weighted month (March) 10 − 6 = 4.
    thirds = D(1, 1, 1, *[0] * 9)
    assert spread_by_pattern(Decimal(10), thirds, quantum=UNIT) == D(3, 3, 4, *[0] * 9)
    # A lump sum in September only (IGM's 2024 «Prórroga», financial): all of it in September.
    lump = D(*[0] * 8, "178999.00", 0, 0, 0)
    assert spread_by_pattern(Decimal("1000.00"), lump, quantum=CENT) == D(*[0] * 8, "1000.00", 0, 0, 0)
    # No execution at all: evenly.
    assert spread_by_pattern(Decimal(24), D(*[0] * 12), quantum=UNIT) == D(*[2] * 12)


def test_respread_keeps_closed_months_and_spreads_what_they_leave():
    current = D(*[100] * 12)  # programmed 1,200
    # New goal 1,500 from June: Jan–May keep 500; 1,000 over 7 months = 142 × 6 + 148.
    assert respread(Decimal(1500), current, 5, quantum=UNIT) == D(*[100] * 5, *[142] * 6, 148)
    # Closed months alone already exceed the new goal.
    assert respread(Decimal(400), current, 5, quantum=UNIT) is None


def test_programmed_accumulated_and_the_straight_line():
    months = D(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120)
    assert months_to(months, 4) == Decimal(100)  # 10 + 20 + 30 + 40
    assert months_to(months, 8) == Decimal(360)
    assert months_to(None, 8) is None
    assert straight_line(Decimal(1200), 8) == Decimal(800)


def test_months_problem_names_the_sum_the_goal_and_the_difference():
    months = D(*["83.33"] * 11, "83.36")  # Q 999.99
    month, message = months_problem(months=months, goal=Decimal("1000.00"), measure="financial", name="Visas")
    assert month is None
    assert message == (
        "La programación financiera de «Visas» suma Q 999.99 y la meta vigente es Q 1,000.00: "
        "diferencia Q -0.01."
    )
    assert (
        months_problem(months=D(*[1] * 11, "0.5"), goal=Decimal("11.5"), measure="physical", name="V")[0]
        == 12
    )
    assert months_problem(months=D(-1, *[1] * 11), goal=Decimal(10), measure="physical", name="V")[0] == 1
    assert months_problem(months=D(*[1] * 12), goal=Decimal(12), measure="physical", name="V") is None


units = st.integers(min_value=0, max_value=10**12).map(Decimal)
money = st.integers(min_value=0, max_value=10**14).map(lambda cents: Decimal(cents) / 100)
weights = st.lists(st.integers(min_value=0, max_value=10**9).map(Decimal), min_size=12, max_size=12)


@given(total=units, count=st.integers(min_value=1, max_value=12))
def test_any_even_spread_of_units_adds_up_in_whole_non_negative_units(total, count):
    months = spread_evenly(total, count, quantum=UNIT)
    assert sum(months) == total and len(months) == count
    assert all(m >= 0 and m == m.to_integral_value() for m in months)


@given(total=money)
def test_any_even_spread_of_money_adds_up_to_the_cent(total):
    months = spread_evenly(total, 12, quantum=CENT)
    assert sum(months) == total
    assert all(m >= 0 and m == m.quantize(CENT) for m in months)


@given(total=money, pattern=weights)
def test_any_pattern_spread_adds_up_exactly_and_never_goes_negative(total, pattern):
    months = spread_by_pattern(total, pattern, quantum=CENT)
    assert sum(months) == total and len(months) == 12
    assert all(m >= 0 and m == m.quantize(CENT) for m in months)
    assert months_problem(months=months, goal=total, measure="financial", name="x") is None


@given(
    total=units, pattern=weights, current=st.lists(units, min_size=12, max_size=12), closed=st.integers(0, 12)
)
def test_any_respread_keeps_closed_months_and_adds_up_when_possible(total, pattern, current, closed):
    months = respread(total, current, closed, quantum=UNIT)
    kept = sum(current[:closed])
    if months is None:
        assert kept > total or (closed == 12 and kept != total)
    else:
        assert months[:closed] == current[:closed] and sum(months) == total
