"""The version an edit was read at, and refusing a save made on a stale copy.

Every edit page sends, with its inputs, a signed snapshot of the stored values it showed
(``snapshot_token``). The save compares that snapshot with what is stored now, inside its
transaction (rows locked; SQLite's IMMEDIATE transactions queue writers): when someone else changed
what the user is saving, nothing is saved and ``StaleEdit`` says who changed what, old → new. The
refused page keeps what the user typed and carries the current version, so saving again is a
deliberate overwrite of changes the user has now seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone

SALT = "igm.versions"
VERSION_FIELD = "read_version"


def snapshot_token(values: Mapping[str, str]) -> str:
    return signing.dumps(dict(values), salt=SALT, compress=True)


TAMPERED = {VERSION_FIELD: "alterada"}


def snapshot_read(token: str | None) -> dict[str, str] | None:
    """The values a page was read at. None when no version was sent (a client that did not read a
    page, such as a script: not checked); ``TAMPERED`` for a token that is not ours (refused)."""
    if token is None:
        return None
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return TAMPERED
    return data if isinstance(data, dict) else TAMPERED


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def changes_between(
    read: Mapping[str, str], current: Mapping[str, str], labels: Mapping[str, str]
) -> list[Change]:
    """What differs between the values read and those stored now, in ``labels``' order."""
    return [
        Change(label, read.get(key, "") or "—", current.get(key, "") or "—")
        for key, label in labels.items()
        if read.get(key, "") != current.get(key, "")
    ]


def last_author(records: Iterable) -> tuple[str, str]:
    """(who, when) of the latest of some django-simple-history records."""
    latest = max(records, key=lambda record: record.history_date, default=None)
    if latest is None:
        return "otro usuario", ""
    who = latest.history_user.get_full_name() or latest.history_user.username if latest.history_user else ""
    when = timezone.localtime(latest.history_date).strftime("%d/%m/%Y %H:%M")
    return who or "otro usuario", when


class StaleEdit(ValidationError):
    """Someone saved the same values after this page was read; ``token`` is the current version."""

    def __init__(self, changes: list[Change], *, who: str = "otro usuario", when: str = "", token: str = ""):
        self.changes, self.who, self.when, self.token = changes, who, when, token
        listed = "; ".join(f"{change.label}: {change.old} → {change.new}" for change in changes)
        at = f" el {when}" if when else ""
        super().__init__(
            f"No se guardó nada: {who} cambió estos datos{at}, después de que usted abrió la página. "
            f"{listed}. Sus valores siguen en la página: revíselos y guarde de nuevo para reemplazar "
            "los del otro usuario.",
            code="stale",
        )


def ensure_current(
    *,
    read: Mapping[str, str] | None,
    current: Mapping[str, str],
    labels: Mapping[str, str],
    history=(),
    author: tuple[str, datetime] | None = None,
) -> None:
    """Refuse the save (``StaleEdit``) when the stored values are no longer those read; who
    changed them comes from ``history`` (simple-history records) or ``author`` (name, when)."""
    if read is None:
        return
    if read is not TAMPERED and all(read.get(key, "") == current.get(key, "") for key in labels):
        return
    if author is not None:
        who, when = author[0] or "otro usuario", timezone.localtime(author[1]).strftime("%d/%m/%Y %H:%M")
    else:
        who, when = last_author(history)
    changes = changes_between(read, current, labels)
    if read is TAMPERED:
        changes = [Change("versión de la página", "desconocida", "actual")]
    raise StaleEdit(changes, who=who, when=when, token=snapshot_token(current))


def field_display(instance, name: str) -> str:
    """A model field's stored value as the person reads it (choice labels, related names)."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in getattr(instance, name).all())) if instance.pk else ""
    if field.choices:
        return str(getattr(instance, f"get_{name}_display")())
    value = getattr(instance, name)
    return "" if value is None else str(value)


class VersionedFormMixin:
    """A ModelForm that carries the version its instance was read at (a hidden ``read_version``).

    ``ensure_current()`` is called inside the save's transaction: it locks the stored row and raises
    ``StaleEdit`` when any of the form's model fields changed since the page was read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        if self.instance.pk:
            # Evaluated when rendered, once the form's own __init__ has added all its fields.
            self.fields[VERSION_FIELD].initial = lambda: snapshot_token(self.version_values(self.instance))

    def version_labels(self) -> dict[str, str]:
        names = {field.name for field in self.instance._meta.get_fields()}
        return {name: str(field.label or name) for name, field in self.fields.items() if name in names}

    def version_values(self, instance) -> dict[str, str]:
        return {name: field_display(instance, name) for name in self.version_labels()}

    def ensure_current(self) -> None:
        if not self.instance.pk:
            return
        model = type(self.instance)
        stored = model._default_manager.select_for_update().get(pk=self.instance.pk)
        history = getattr(stored, "history", None)
        try:
            ensure_current(
                read=snapshot_read(self.data.get(self.add_prefix(VERSION_FIELD))),
                current=self.version_values(stored),
                labels=self.version_labels(),
                history=history.order_by("-history_date")[:1] if history is not None else (),
            )
        except StaleEdit as stale:
            self.carry_version(stale.token)
            raise

    def carry_version(self, token: str) -> None:
        """Re-render with the current version, keeping everything typed."""
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = token
