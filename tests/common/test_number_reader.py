"""The one number reader: figures as people write them become exact Decimals; a decimal comma is
refused with the form to use; units are whole, quetzales have at most two decimals."""

from decimal import Decimal

import pytest
from django import forms

from common.numbers import MoneyField, NumberError, UnitsField, read_money, read_number, read_units


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1234.5", "1234.5"),
        ("1,234.50", "1234.50"),
        ("Q 1,234.50", "1234.50"),
        ("Q1234.5", "1234.5"),
        ("  24,387,429.25 ", "24387429.25"),
        ("96,412", "96412"),
        ("Q. 500.00", "500.00"),
        ("-3", "-3"),
        ("Q -10.00", "-10.00"),
        ("1.234", "1.234"),  # a decimal point: the form every page writes
    ],
)
def test_accepts_figures_as_people_write_them(typed, expected):
    value = read_number(typed)
    assert type(value) is Decimal
    assert value == Decimal(expected) and str(value) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (12, Decimal(12)),
        (118500.5, Decimal("118500.5")),
        (Decimal("3.10"), Decimal("3.10")),
        (0.1, Decimal("0.1")),
    ],
)
def test_numbers_from_a_spreadsheet_or_the_api_pass_exactly(cell, expected):
    value = read_number(cell)
    assert type(value) is Decimal and value == expected and str(value) == str(expected)


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_an_empty_value_is_none(empty):
    assert read_number(empty) is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "1.234,50",
            "«1.234,50» usa punto para los miles y coma para los decimales; escríbalo 1,234.50 "
            "(coma para los miles, punto para los decimales).",
        ),
        (
            "Q 24.387.429,25",
            "«Q 24.387.429,25» usa punto para los miles y coma para los decimales; escríbalo "
            "24,387,429.25 (coma para los miles, punto para los decimales).",
        ),
        (
            "1.234.567",
            "«1.234.567» separa los miles con puntos; escríbalo 1,234,567 (coma para los miles, "
            "punto para los decimales).",
        ),
    ],
)
def test_refuses_a_decimal_comma_saying_which_form_to_use(typed, message):
    with pytest.raises(NumberError) as refused:
        read_number(typed)
    assert (refused.value.code, refused.value.message) == ("decimal_comma", message)


@pytest.mark.parametrize("typed", ["mil", "1,5", "12,34", "1 234", "Q", "+-3", "1e5", True, float("nan")])
def test_refuses_what_is_not_a_number(typed):
    with pytest.raises(NumberError) as refused:
        read_number(typed)
    assert refused.value.code == "invalid"
    assert refused.value.message == f"«{str(typed).strip()}» no es un número."


def test_units_are_whole_and_quetzales_have_two_decimals():
    assert read_units("1,500") == 1500 and type(read_units(3.0)) is int
    with pytest.raises(NumberError, match="«12.5» no es un número entero de unidades."):
        read_units("12.5")
    assert read_money("Q 1,234.5") == Decimal("1234.50") and str(read_money("7")) == "7.00"
    with pytest.raises(NumberError, match="«100.125» tiene más de dos decimales"):
        read_money("100.125")


class _Goal(forms.Form):
    physical = UnitsField(min_value=0)
    financial = MoneyField(min_value=0, max_digits=16, decimal_places=2)


def test_form_fields_read_with_the_same_reader_and_render_as_text_boxes():
    form = _Goal({"physical": " 1,500 ", "financial": "Q 1,234.50"})
    assert form.is_valid()
    assert form.cleaned_data == {"physical": 1500, "financial": Decimal("1234.50")}
    assert 'type="text"' in str(form["financial"]) and 'inputmode="decimal"' in str(form["financial"])

    form = _Goal({"physical": "-3", "financial": "1.234,50"})
    assert not form.is_valid()
    assert form.errors["financial"] == [
        "«1.234,50» usa punto para los miles y coma para los decimales; escríbalo 1,234.50 "
        "(coma para los miles, punto para los decimales)."
    ]
    assert form.errors["physical"] == ["Asegúrese de que este valor es mayor o igual a 0."]
