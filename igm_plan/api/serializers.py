import functools
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from rest_framework import ISO_8601, serializers
from rest_framework.exceptions import NotFound

from common.forms import TEXT_MAX_LENGTH

from .access import request_access, restrict
from .filters import query_value_errors


class DescribedModelSerializer(serializers.ModelSerializer):
    """Every model field gets a Spanish description in the schema: its help text, else its verbose name."""

    def build_field(self, field_name, info, model_class, nested_depth):
        field_class, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        if not kwargs.get("help_text"):
            kwargs["help_text"] = describe(model_class, field_name)
        if _is_free_text(model_class, field_name) and not kwargs.get("read_only"):
            kwargs.setdefault("max_length", TEXT_MAX_LENGTH)
        return field_class, kwargs


class QueryParamsSerializer(serializers.Serializer):
    """Query parameters read as strictly as the schema declares them: each once, none empty."""

    def to_internal_value(self, data):
        errors = query_value_errors(data, self.fields)
        if errors:
            raise serializers.ValidationError({name: [message] for name, message in errors.items()})
        return super().to_internal_value(data)


def _is_free_text(model_class, field_name: str) -> bool:
    try:
        return isinstance(model_class._meta.get_field(field_name), models.TextField)
    except FieldDoesNotExist:
        return False


class RowsSerializerMixin:
    """Also serializes rows of ``.values()`` (dicts) to the same JSON as model instances.

    Big lists skip building model instances and DRF's per-field attribute lookup: each field reads
    its row key (``row_keys`` where it differs from the field's source). Values the database already
    returns as JSON types (ids, integers, text, booleans) pass through; the others keep their field's
    ``to_representation`` (money with two places, instants in ISO 8601). An optional field whose key
    the row lacks is left out, as DRF does. The plan is built once per class, not per request.
    """

    row_keys: dict[str, str] = {}

    @classmethod
    @functools.cache
    def row_plan(cls) -> tuple[tuple[str, str, bool, object], ...]:
        return tuple(
            (
                field.field_name,
                cls.row_keys.get(field.field_name, field.source),
                field.required,
                row_converter(field),
            )
            for field in cls()._readable_fields
        )

    def to_representation(self, instance):
        if not isinstance(instance, dict):
            return super().to_representation(instance)
        data = {}
        for name, key, required, represent in self.row_plan():
            if key not in instance and not required:
                continue
            value = instance[key]
            data[name] = value if represent is None or value is None else represent(value)
        return data


# Fields whose ``.values()`` value is already what the JSON carries.
ROW_NATIVE_FIELDS = (
    serializers.RelatedField,
    serializers.IntegerField,
    serializers.CharField,
    serializers.BooleanField,
)


def row_converter(field: serializers.Field):
    """None where the value passes as it is; else how the field writes it."""
    if isinstance(field, ROW_NATIVE_FIELDS):
        return None
    if isinstance(field, serializers.DateTimeField) and getattr(field, "format", ISO_8601) == ISO_8601:
        return instant_text
    return field.to_representation


def instant_text(value: datetime) -> str:
    """DRF's ISO 8601 for an aware instant (local time, ``Z`` for UTC) without its per-call lookups:
    a page of execution rows spent a tenth of its time there."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def describe(model_class, field_name: str) -> str:
    if field_name == "id":
        return "Identificador numérico estable."
    try:
        return capfirst(str(model_class._meta.get_field(field_name).verbose_name))
    except FieldDoesNotExist:
        return ""


def code_field(source: str, help_text: str) -> serializers.CharField:
    return serializers.CharField(source=source, read_only=True, help_text=help_text)


class VisibleRelatedField(serializers.PrimaryKeyRelatedField):
    """A related object outside the requester's scope does not exist for them: 404, as on detail URLs."""

    def __init__(self, *, institution_field: str, cost_centre_field: str | None = None, **kwargs):
        self.institution_field = institution_field
        self.cost_centre_field = cost_centre_field
        super().__init__(**kwargs)

    def get_queryset(self):
        return restrict(
            super().get_queryset(),
            request_access(self.context["request"]),
            institution_field=self.institution_field,
            cost_centre_field=self.cost_centre_field,
        )

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            if "does_not_exist" in error.get_codes():
                raise NotFound(
                    _("No existe %(model)s con id %(id)s.")
                    % {"model": self.queryset.model._meta.verbose_name, "id": data}
                ) from error
            raise
