"""Query-parameter forms shared by pages of several apps: which year and period, or which month.

Pages read them from the query string with ``period_from_query`` / ``month_from_query``, which
fall back to the page's default when the query is absent or invalid.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.calendar import year_validators


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
