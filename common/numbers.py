"""One reader for the numbers people give us, typed in a page or found in an uploaded cell.

Accepted, with or without surrounding spaces: ``1234.5``, ``1,234.50``, ``Q 1,234.50``, ``Q1234.5``
(a point for decimals, commas only between groups of three digits, as every page writes figures).
``1.234,50`` (a point between thousands and a decimal comma) is refused with a message that shows
how to write it. Spreadsheet numbers (int, float) and API values (int, Decimal) pass through.
The result is always an exact ``Decimal`` (or ``int`` for whole units), never a float.

The REST API keeps its strict decimal strings; this reader is for people. ``UnitsField``,
``MoneyField`` and ``FigureField`` are the form fields that use it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.figures import CENT

_NUMBER = re.compile(
    r"(?P<sign>[+-]?)\s*(?:[Qq]\.?\s*)?(?P<sign_after>[+-]?)"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
)
# 1.234,50 or 1.234.567: points between thousands, perhaps a decimal comma.
_DECIMAL_COMMA = re.compile(
    r"[+-]?\s*(?:[Qq]\.?\s*)?[+-]?(?P<whole>\d{1,3}(?:\.\d{3})+?)(?:,(?P<fraction>\d+)|(?P<more>(?:\.\d{3})+))"
)


class NumberError(ValueError):
    """The value is not a number in an accepted form; ``message`` says so in Spanish, quoting it."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def shown(value) -> str:
    """A value as a message quotes it: text as typed (trimmed), whole floats without ``.0``."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _decimal_comma(text: str) -> NumberError | None:
    match = _DECIMAL_COMMA.fullmatch(text)
    if match is None:
        return None
    whole = match["whole"].replace(".", "") + (match["more"] or "").replace(".", "")
    suggestion = f"{int(whole):,}" + (f".{match['fraction']}" if match["fraction"] else "")
    values = {"value": text, "suggestion": suggestion}
    if match["fraction"]:
        message = _(
            "«%(value)s» usa punto para los miles y coma para los decimales; escríbalo %(suggestion)s "
            "(coma para los miles, punto para los decimales)."
        )
    else:
        message = _(
            "«%(value)s» separa los miles con puntos; escríbalo %(suggestion)s "
            "(coma para los miles, punto para los decimales)."
        )
    return NumberError(message % values, code="decimal_comma")


def read_number(value) -> Decimal | None:
    """The value as an exact Decimal; None when it is empty. Raises NumberError."""
    if value is None:
        return None
    if isinstance(value, bool):  # a TRUE/FALSE cell is not a figure
        raise NumberError(_("«%(value)s» no es un número.") % {"value": value}, code="invalid")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal | float):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise NumberError(_("«%(value)s» no es un número.") % {"value": value}, code="invalid")
        return number
    text = str(value).strip()
    if not text:
        return None
    match = _NUMBER.fullmatch(text)
    if match is None or (match["sign"] and match["sign_after"]):
        raise _decimal_comma(text) or NumberError(
            _("«%(value)s» no es un número.") % {"value": text}, code="invalid"
        )
    sign = match["sign"] or match["sign_after"]
    return Decimal(f"{sign}{match['whole'].replace(',', '')}{match['fraction'] or ''}")


def read_units(value) -> int | None:
    """A physical figure: a whole number of units. Raises NumberError (code ``fraction`` if not whole)."""
    number = read_number(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise NumberError(
            _("«%(value)s» no es un número entero de unidades.") % {"value": shown(value)}, code="fraction"
        )
    return int(number)


def read_money(value) -> Decimal | None:
    """Quetzales with at most two decimals, as ``Decimal`` with two places. Raises NumberError."""
    number = read_number(value)
    if number is None:
        return None
    if number != number.quantize(CENT):
        raise NumberError(
            _("«%(value)s» tiene más de dos decimales; los quetzales llevan como máximo dos.")
            % {"value": shown(value)},
            code="decimals",
        )
    return number.quantize(CENT)


def _form_value(reader, value):
    try:
        return reader(value)
    except NumberError as error:
        raise ValidationError(error.message, code=error.code) from error


class UnitsField(forms.IntegerField):
    """Whole units typed as people write them: ``1,500``, `` 1500 ``. A text box: a browser's
    number box would refuse the commas before the server could read them."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def to_python(self, value):
        return _form_value(read_units, value)


class FigureField(forms.DecimalField):
    """A figure with decimals (a result's target, a new goal) typed as people write it; the field's
    ``decimal_places`` still bounds them."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        return _form_value(read_number, value)


class MoneyField(FigureField):
    """Quetzales typed as people write them: ``Q 1,234.50``, ``1234.5``; at most two decimals."""

    def to_python(self, value):
        return _form_value(read_money, value)
