"""Writes of an institution's strategic frame: the header, mission and vision, and its values and
objectives as ordered lists, every change kept in the history with the acting user."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import Institution, StrategicFrame, StrategicObjective, StrategicValue
from planning.permissions import strategic_frame_ensure_editable_by
from planning.services.history import save_with_history

FRAME_FIELDS = (
    "head_of_planning",
    "head_of_planning_title",
    "information_officer",
    "issue_date",
    "mission",
    "vision",
)


@transaction.atomic
def strategic_frame_save(
    *,
    institution: Institution,
    user,
    header: dict,
    values: list[tuple[str, str]],
    objectives: list[tuple[str, str]],
) -> StrategicFrame:
    """Create or replace the frame: ``header`` holds ``FRAME_FIELDS``; ``values`` are (name,
    description) and ``objectives`` (area, text) in the order they are published. Rows are matched
    by position, so an unchanged row keeps its history quiet."""
    strategic_frame_ensure_editable_by(user=user, institution=institution)
    reason = _("Edición del marco estratégico")
    frame = StrategicFrame.objects.filter(institution=institution).first() or StrategicFrame(
        institution=institution
    )
    if frame.pk is None or any(getattr(frame, name) != header[name] for name in FRAME_FIELDS):
        for name in FRAME_FIELDS:
            setattr(frame, name, header[name])
        save_with_history(frame, user=user, reason=reason)
    _rows_replace(
        StrategicValue,
        frame,
        [{"name": name, "description": description} for name, description in values],
        user=user,
        reason=reason,
    )
    _rows_replace(
        StrategicObjective,
        frame,
        [{"area": area, "text": text} for area, text in objectives],
        user=user,
        reason=reason,
    )
    return frame


def _rows_replace(model, frame: StrategicFrame, wanted: list[dict], *, user, reason: str) -> None:
    existing = {row.position: row for row in model.objects.filter(frame=frame)}
    for position, fields in enumerate(wanted, start=1):
        row = existing.pop(position, None) or model(frame=frame, position=position)
        if row.pk is not None and all(getattr(row, name) == value for name, value in fields.items()):
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        save_with_history(row, user=user, reason=reason)
    for row in existing.values():
        row._history_user = user
        row._change_reason = reason
        row.delete()
