"""Change history of any history-tracked object (auditors read it on each detail page)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import ForeignKey, OuterRef, Q, QuerySet, Subquery, Value
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from common import formats as formatting
from planning.models import Result, ResultTarget

CHANGES_PAGE_SIZE = 20


# Query-string parameter of the history's pages; other lists on the same page use ``pagina``.
CHANGES_PAGE_PARAM = "historial"


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One saved version: when, who, why, and what it changed against the version before it."""

    when: datetime.datetime
    who: str
    why: str
    subject: str  # empty for the object itself, e.g. «Meta anual 2027» for one of its rows
    kind: str  # simple-history's type: "+" created, "~" changed, "-" deleted
    fields: tuple[FieldChange, ...]


class RelatedHistory(NamedTuple):
    """Historical rows that belong to the object (a result's yearly targets), shown in its history."""

    versions: QuerySet
    subject: Callable[[object], str]  # names the row from its version, e.g. «Meta anual 2027»
    fields: tuple[str, ...] | None  # None: every tracked field


def object_changes(
    *,
    instance,
    fields: tuple[str, ...] | None = None,
    related: tuple[RelatedHistory, ...] = (),
    page_number=None,
) -> Page:
    """The object's saved versions (and its related rows'), newest first, 20 per page.

    Each version is compared with the version of the same row before it (``diff_against``);
    ``fields`` limits the comparison to those field names. A related row's creation or deletion
    lists the values it had; the object's own first version just says «Registro inicial».
    Queries do not grow with the versions shown: count, keys of the page, then per stream its
    versions and their predecessors, then one query per foreign key that changed.
    """
    streams = [RelatedHistory(instance.history.all(), lambda version: "", fields), *related]
    keys = None
    for position, stream in enumerate(streams):
        stream_keys = (
            stream.versions.order_by()
            .annotate(stream=Value(position))
            .values_list("stream", "history_id", "history_date")
        )
        keys = stream_keys if keys is None else keys.union(stream_keys, all=True)
    page = Paginator(keys.order_by("-history_date", "-history_id"), CHANGES_PAGE_SIZE).get_page(page_number)
    ids_by_stream: dict[int, list[int]] = {}
    for position, history_id, _date in page.object_list:
        ids_by_stream.setdefault(position, []).append(history_id)
    found = {
        (position, version.history_id): (version, previous)
        for position, ids in ids_by_stream.items()
        for version, previous in _versions_with_previous(streams[position].versions.model, ids)
    }
    versions = []
    for position, history_id, _date in page.object_list:
        version, previous = found[(position, history_id)]
        stream = streams[position]
        deltas = _field_deltas(version, previous, fields=stream.fields, list_values=position > 0)
        versions.append((version, stream.subject(version), deltas))
    names = _related_names([delta for _version, _subject, deltas in versions for delta in deltas])
    changes = [
        Change(
            when=version.history_date,
            who=str(version.history_user) if version.history_user_id else _("sistema"),
            why=version.history_change_reason or _change_kind_reason(version.history_type),
            subject=subject,
            kind=version.history_type,
            fields=tuple(
                FieldChange(
                    capfirst(field.verbose_name), _display(field, old, names), _display(field, new, names)
                )
                for field, old, new in deltas
            ),
        )
        for version, subject, deltas in versions
    ]
    return Page(changes, page.number, page.paginator)


def result_changes(*, result: Result, page_number=None) -> Page:
    """A result's history together with its yearly targets', also of the years since removed."""
    targets = RelatedHistory(
        ResultTarget.history.filter(result_id=result.pk),
        lambda version: _("Meta anual %(year)s") % {"year": version.year},
        ("value", "statement"),
    )
    return object_changes(instance=result, related=(targets,), page_number=page_number)


def _change_kind_reason(history_type: str) -> str:
    return {"+": _("Registro inicial"), "-": _("Eliminado")}.get(history_type, _("Cambio"))


def _versions_with_previous(model, ids: list[int]) -> list[tuple]:
    """Versions by history id, each with the version of the same row saved just before it."""
    pk = model.instance_type._meta.pk.attname
    earlier = (
        model._default_manager.filter(**{pk: OuterRef(pk)})
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    versions = list(
        model._default_manager.filter(history_id__in=ids)
        .select_related("history_user")
        .annotate(previous_id=Subquery(earlier))
    )
    previous_ids = [version.previous_id for version in versions if version.previous_id]
    previous = model._default_manager.in_bulk(previous_ids) if previous_ids else {}
    return [(version, previous.get(version.previous_id)) for version in versions]


def _field_deltas(version, previous, *, fields, list_values: bool) -> list[tuple]:
    """(field, old value, new value) in the model's field order.

    A change is compared with the previous version; a creation or deletion lists the row's
    values only when ``list_values`` (related rows: the object's page already shows its own).
    """
    names = [
        field.name
        for field in version.tracked_fields
        if field.editable and (fields is None or field.name in fields)
    ]
    if version.history_type == "~":
        if previous is None:  # saved before its history began: nothing to compare with
            return []
        changed = {
            change.field: change for change in version.diff_against(previous, included_fields=names).changes
        }
        return [
            (version._meta.get_field(name), changed[name].old, changed[name].new)
            for name in names
            if name in changed
        ]
    if not list_values:
        return []
    values = [(field, getattr(version, field.attname)) for field in map(version._meta.get_field, names)]
    kept = [(field, value) for field, value in values if value not in (None, "")]
    if version.history_type == "-":
        return [(field, value, None) for field, value in kept]
    return [(field, None, value) for field, value in kept]


def _related_names(deltas: list[tuple]) -> dict:
    """str() of every object a changed foreign key points to: one query per foreign key field."""
    wanted: dict = {}
    for field, old, new in deltas:
        if isinstance(field, ForeignKey):
            wanted.setdefault(field, set()).update(value for value in (old, new) if value is not None)
    names = {}
    for field, ids in wanted.items():
        related = field.related_model._base_manager.select_related().in_bulk(ids)
        for pk, obj in related.items():
            names[(field.name, pk)] = Truncator(str(obj)).chars(120)
    return names


def _display(field, value, names: dict) -> str:
    if value is None or value == "":
        return ""
    if isinstance(field, ForeignKey):
        return names.get((field.name, value), _("n.º %(id)s") % {"id": value})
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Sí") if value else _("No")
    if isinstance(value, Decimal):
        return formatting.quantity(value)
    if isinstance(value, datetime.date):
        return formatting.day(value)
    return str(value)
