"""Filters shared by every resource's FilterSet."""

from datetime import UTC, datetime

import django_filters
from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from common.calendar import MONTHS, PERIODS, YEAR_MAX, YEAR_MIN

from .access import any_path

BIGINT_MAX = 2**63 - 1
# Every filter of these names accepts only the calendar's values (and the schema says so).
CALENDAR_RANGES = {
    "year": (YEAR_MIN, YEAR_MAX),
    "month": (MONTHS[0], MONTHS[-1]),
    "period": (PERIODS[0], PERIODS[-1]),
}


def covering_year(field_prefix: str):
    """Filter method: the plan at ``field_prefix`` covers the requested year."""

    def method(queryset, name, value):
        return queryset.filter(
            Q(**{f"{field_prefix}start_year__lte": value}) & Q(**{f"{field_prefix}end_year__gte": value})
        )

    return method


class InstitutionFilter(django_filters.CharFilter):
    """``?institution=IGM``: by the institution's code (siglas), through the given path(s)."""

    def __init__(self, paths: str | tuple[str, ...], **kwargs):
        kwargs.setdefault("help_text", "Siglas de la institución, p. ej. IGM.")
        super().__init__(method=self.filter_code, **kwargs)
        self.paths = paths

    def filter_code(self, queryset, name, value):
        return queryset.filter(any_path(self.paths, "code", value))


class ModifiedSinceFilter(django_filters.IsoDateTimeFilter):
    """``?modified_since=<ISO 8601>``: objects created or changed at or after that instant.

    By ``column`` (e.g. ``updated_at``) where rows carry one, else from the model's history table.
    """

    def __init__(self, *, column: str | None = None, **kwargs):
        kwargs.setdefault(
            "help_text", "Solo objetos creados o modificados desde esta fecha y hora (ISO 8601)."
        )
        super().__init__(method=self.filter_since, **kwargs)
        self.column = column

    def filter_since(self, queryset, name, value):
        since = in_utc(value)
        if self.column:
            return queryset.filter(**{f"{self.column}__gte": since})
        changed = queryset.model.history.filter(history_date__gte=since).values("id")
        return queryset.filter(pk__in=changed)


def in_utc(value: datetime) -> datetime:
    """PostgreSQL rejects unusual offsets such as +19:08, so instants are compared in UTC."""
    try:
        return value.astimezone(UTC)
    except OverflowError:
        return (datetime.min if value.year == datetime.min.year else datetime.max).replace(tzinfo=UTC)


class IntegerFilter(django_filters.NumberFilter):
    """Whole numbers within the database's range: anything else is a 400, never an overflow."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -BIGINT_MAX)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(*args, **kwargs)


class ApiFilterSet(django_filters.FilterSet):
    """Relations filter by id without a lookup query (and without revealing others' objects)."""

    FILTER_DEFAULTS = {
        **django_filters.filterset.FILTER_FOR_DBFIELD_DEFAULTS,
        **{
            field: {"filter_class": IntegerFilter}
            for field in (
                models.ForeignKey,
                models.OneToOneField,
                models.IntegerField,
                models.SmallIntegerField,
                models.BigIntegerField,
                models.PositiveIntegerField,
                models.PositiveSmallIntegerField,
                models.PositiveBigIntegerField,
                models.AutoField,
                models.BigAutoField,
            )
        },
    }

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        for name, (low, high) in CALENDAR_RANGES.items():
            if isinstance(filters.get(name), IntegerFilter):
                filters[name].extra.update(min_value=low, max_value=high)
        return filters

    def is_valid(self):
        valid = super().is_valid()
        text = {
            name for name, declared in self.filters.items() if isinstance(declared, django_filters.CharFilter)
        }
        for name, message in query_value_errors(self.data, self.filters, text=text).items():
            self.form.add_error(name, message)
        return valid and not self.form.errors


def query_value_errors(data, names, *, text=frozenset()) -> dict[str, str]:
    """What the schema forbids and a lenient reader would let through: a parameter given twice (the
    last would silently win), or given empty where it is not ``text`` (it would be ignored)."""
    getlist = getattr(data, "getlist", lambda name: [data[name]] if name in data else [])
    errors = {}
    for name in names:
        values = getlist(name)
        if len(values) > 1:
            errors[name] = _("Indique un solo valor.")
        elif values and name not in text and not str(values[0]).strip():
            errors[name] = _("Indique un valor.")
    return errors
