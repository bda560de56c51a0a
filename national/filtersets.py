"""The national view's parameters, one FilterSet for the page and the API.

Name or code are searched in SQL; status and progress band are properties of the computed lines,
so ``national_progress`` applies them after ``national_lines`` (200 lines, already in memory).
"""

from __future__ import annotations

from datetime import date

import django_filters
from django import forms

from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from igm_plan.api.filters import IntegerFilter
from planning.models import Institution
from planning.selectors.plans import institution_search

from .selectors import BANDS, STATUS_LABELS, NationalLine, latest_due_period, national_lines

ORDERINGS = {
    "code": ("Código", lambda line: line.code),
    "name": ("Nombre", lambda line: line.name.casefold()),
    "status": ("Estado", lambda line: list(STATUS_LABELS).index(line.status)),
    "financial": ("Ejecución financiera", lambda line: line.financial_pct),
    "physical": ("Avance físico", lambda line: line.physical_pct),
    "days_late": ("Días de atraso", lambda line: line.days_late),
    "signed": ("Fecha de firma", lambda line: line.signed_at),
}
ORDERING_CHOICES = [
    choice
    for key, (label, _key) in ORDERINGS.items()
    for choice in ((key, label), (f"-{key}", f"{label} (desc.)"))
]


def _unchanged(queryset, name, value):
    return queryset


class NationalProgressFilterSet(django_filters.FilterSet):
    year = IntegerFilter(
        method=_unchanged, min_value=YEAR_MIN, max_value=YEAR_MAX, label="Año", help_text="Año, p. ej. 2024."
    )
    period = IntegerFilter(
        method=_unchanged,
        min_value=PERIODS[0],
        max_value=PERIODS[-1],
        widget=forms.Select(choices=[(p, p) for p in PERIODS]),
        label="Cuatrimestre",
        help_text="Cuatrimestre: 1 (ene-abr), 2 (may-ago) o 3 (sep-dic). Por omisión, el último vencido.",
    )
    status = django_filters.ChoiceFilter(
        method=_unchanged, choices=list(STATUS_LABELS.items()), label="Estado", empty_label="Todos"
    )
    band = django_filters.ChoiceFilter(
        method=_unchanged,
        choices=[(value, label) for value, label, _low, _high in BANDS],
        label="Avance físico",
        empty_label="Todos",
        help_text="Banda del avance físico (media de productos, cada uno hasta 100 %).",
    )
    q = django_filters.CharFilter(method="filter_search", label="Buscar", help_text="Nombre o siglas.")
    ordering = django_filters.ChoiceFilter(
        method=_unchanged, choices=ORDERING_CHOICES, label="Ordenar por", empty_label="Código"
    )

    class Meta:
        model = Institution
        fields: list[str] = []

    def __init__(self, data=None, *args, today: date, **kwargs):
        data = data.copy() if data is not None else {}
        self.today = today
        self.default_year, self.default_period = latest_due_period(today=today)
        if not data.get("year"):
            data["year"] = str(self.default_year)
        if not data.get("period"):
            data["period"] = str(self.default_period)
        super().__init__(data, *args, **kwargs)

    def filter_search(self, queryset, name, value):
        return institution_search(queryset, value)

    @property
    def year_period(self) -> tuple[int, int]:
        data = self.form.cleaned_data
        return int(data.get("year") or self.default_year), int(data.get("period") or self.default_period)

    def national_progress(self) -> list[NationalLine]:
        """The lines that pass every filter, in the order asked for (the form must be valid)."""
        year, period = self.year_period
        lines = national_lines(institutions=self.qs, year=year, period=period, today=self.today)
        data = self.form.cleaned_data
        if data.get("status"):
            lines = [line for line in lines if line.status == data["status"]]
        if data.get("band"):
            lines = [line for line in lines if line.band == data["band"]]
        return ordered(lines, data.get("ordering") or "code")


def ordered(lines: list[NationalLine], ordering: str) -> list[NationalLine]:
    """Sorted by one key; lines without that figure (no plan, not late, not signed) go last."""
    descending = ordering.startswith("-")
    key = ORDERINGS[ordering.lstrip("-")][1]
    present = [line for line in lines if key(line) is not None]
    missing = [line for line in lines if key(line) is None]
    return sorted(present, key=key, reverse=descending) + missing
