"""An indicator sheet's figures are read by the one number reader, as the sheet itself prints them."""

from decimal import Decimal

from indicators.forms import SheetValueForm, TargetYearForm


def test_sheet_values_and_targets_take_commas_between_thousands():
    value = SheetValueForm({"year": "2026", "value": "91.20"})
    target = TargetYearForm({"year": "2026", "absolute": "1,225,189", "relative": "100.00"})
    assert value.is_valid() and target.is_valid(), (value.errors, target.errors)
    assert value.cleaned_data["value"] == Decimal("91.20")
    assert target.cleaned_data["absolute"] == Decimal("1225189")


def test_a_decimal_comma_is_refused_saying_how_to_write_it():
    form = TargetYearForm({"year": "2026", "absolute": "1.225.189", "relative": "91,20"})
    assert not form.is_valid()
    assert form.errors["absolute"] == [
        "«1.225.189» separa los miles con puntos; escríbalo 1,225,189 (coma para los miles, punto para "
        "los decimales)."
    ]
    assert form.errors["relative"] == ["«91,20» no es un número."]
