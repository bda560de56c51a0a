"""The goals grid, a result's baseline and targets and a reprogramming's new value read figures with
the one number reader: commas between thousands and «Q» are taken, a decimal comma is refused
saying how to write it, units are whole."""

from decimal import Decimal

from planning.forms import GoalRowForm, ReprogrammingRequestForm

DECIMAL_COMMA = (
    "«1.234,50» usa punto para los miles y coma para los decimales; escríbalo 1,234.50 "
    "(coma para los miles, punto para los decimales)."
)


def test_the_goals_grid_takes_figures_as_the_grid_shows_them():
    form = GoalRowForm({"physical_2026": "1,225,189", "financial_2026": "Q 42,875,172.00"}, years=[2026])
    assert form.is_valid(), form.errors
    assert form.goal_values() == {2026: (1225189, Decimal("42875172.00"))}


def test_the_goals_grid_refuses_a_decimal_comma_and_fractional_units():
    form = GoalRowForm({"physical_2026": "12.5", "financial_2026": "1.234,50"}, years=[2026])
    assert not form.is_valid()
    assert form.errors["physical_2026"] == ["«12.5» no es un número entero de unidades."]
    assert form.errors["financial_2026"] == [DECIMAL_COMMA]


def test_a_reprogramming_takes_a_new_value_written_with_q_and_commas():
    data = {
        "measure": "financial",
        "new_value": "Q 1,234.50",
        "effective_date": "2026-05-04",
        "supporting_act": "Resolución SP-012-2026",
        "justification": "Ajuste presupuestario",
    }
    form = ReprogrammingRequestForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["new_value"] == Decimal("1234.50")
    form = ReprogrammingRequestForm(data | {"new_value": "1.234,50"})
    assert form.errors["new_value"] == [DECIMAL_COMMA]
