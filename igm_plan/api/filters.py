"""Filters shared by every resource's FilterSet."""

from datetime import UTC, datetime

import django_filters
from django import forms
from django.db import models
from django.db.models import Q

from .access import any_path

BIGINT_MAX = 2**63 - 1


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
