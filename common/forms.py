"""Every query parameter of every page is read here: which year and period, which month, a page
number, an id, a code.

One rule for all of them: a parameter that is absent, not a number, out of its range (a year
outside the calendar's, a negative or huge page) or a text with control characters reads as the
page's default, as if it had not been given; forms show the error next to the field. Nothing a
query string holds can make a page fail.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.calendar import YEAR_MAX, YEAR_MIN, year_validators

# Every free text (notes, comments, reasons, justifications, descriptions) holds at most this many
# characters, on the forms, the API and the uploaded files alike; names and codes have their own,
# shorter maxima on their model fields. The database columns stay unbounded.
TEXT_MAX_LENGTH = 5000
# Page numbers, ids: anything larger is no page and no row (and overflows a database integer).
QUERY_INT_MAX = 2**31 - 1
QUERY_TEXT_MAX = 100


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Año"), validators=year_validators)
    period = forms.TypedChoiceField(
        label=_("Cuatrimestre"),
        coerce=int,
        choices=[(1, _("1 (enero–abril)")), (2, _("2 (mayo–agosto)")), (3, _("3 (septiembre–diciembre)"))],
    )


class MonthForm(forms.Form):
    year = forms.IntegerField(label=_("Año"), validators=year_validators)
    month = forms.TypedChoiceField(
        label=_("Mes"),
        coerce=int,
        choices=[
            (number, name)
            for number, name in enumerate(
                [
                    _("Enero"),
                    _("Febrero"),
                    _("Marzo"),
                    _("Abril"),
                    _("Mayo"),
                    _("Junio"),
                    _("Julio"),
                    _("Agosto"),
                    _("Septiembre"),
                    _("Octubre"),
                    _("Noviembre"),
                    _("Diciembre"),
                ],
                start=1,
            )
        ],
    )


def period_from_query(query, *, default_year: int | None) -> tuple[int, int, PeriodForm]:
    """Year and period from the query string; by default ``default_year`` (else this year), period 3."""
    initial = {"year": default_year or timezone.localdate().year, "period": 3}
    form = PeriodForm(query if "year" in query else initial)
    if form.is_valid():
        return form.cleaned_data["year"], form.cleaned_data["period"], form
    return initial["year"], initial["period"], form


def month_from_query(query, *, default: tuple[int, int] | None) -> tuple[int, int, MonthForm]:
    """Year and month from the query string; by default ``default`` (year, month), else this month."""
    today = timezone.localdate()
    year, month = default or (today.year, today.month)
    initial = {"year": year, "month": month}
    form = MonthForm(query if "year" in query else initial)
    if form.is_valid():
        return form.cleaned_data["year"], form.cleaned_data["month"], form
    return initial["year"], initial["month"], form


def int_from_query(query, name: str, *, default=None, minimum: int = 1, maximum: int = QUERY_INT_MAX):
    """An integer parameter (a page, an id), or ``default`` when absent, not a whole number or
    outside ``minimum``..``maximum``."""
    field = forms.IntegerField(min_value=minimum, max_value=maximum)
    try:
        return field.clean(text_from_query(query, name, default=""))
    except ValidationError:
        return default


def year_from_query(query, name: str = "anio", *, default: int) -> int:
    """A year of the calendar's range (``common.calendar``), or ``default``."""
    return int_from_query(query, name, default=default, minimum=YEAR_MIN, maximum=YEAR_MAX)


def text_from_query(query, name: str, *, default=None, max_length: int = QUERY_TEXT_MAX):
    """A short text parameter (a code, a status), or ``default`` when absent, too long or holding
    control characters (a NUL byte is refused by PostgreSQL before any query runs)."""
    value = query.get(name)
    if value is None or len(value) > max_length or any(ord(char) < 32 for char in value):
        return default
    return value


def limit_text_fields(form) -> None:
    """Give every text field of ``form`` without a maximum the free-text one (``TEXT_MAX_LENGTH``)."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is None:
            field.max_length = TEXT_MAX_LENGTH
            field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
            field.widget.attrs.setdefault("maxlength", str(TEXT_MAX_LENGTH))


class TextLimitsMixin:
    """Forms with free text: the limit applies to the fields of ``__init__`` and to those a form
    adds after it (one per row of a grid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)

    def full_clean(self):
        limit_text_fields(self)
        super().full_clean()
