"""Reads of an institution's strategic frame (mission, vision, values, objectives per area)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from planning.models import Institution, StrategicFrame, StrategicObjective, StrategicValue
from planning.selectors.history import RelatedHistory, object_changes


@dataclass(frozen=True)
class ObjectiveArea:
    area: str
    objectives: tuple[str, ...]


def strategic_frame_of(*, institution: Institution) -> StrategicFrame | None:
    """The frame with its values and objectives in order (three queries), or None."""
    return (
        StrategicFrame.objects.filter(institution=institution)
        .select_related("institution")
        .prefetch_related(
            Prefetch("values", queryset=StrategicValue.objects.order_by("position")),
            Prefetch("objectives", queryset=StrategicObjective.objects.order_by("position")),
        )
        .first()
    )


def objective_areas(*, frame: StrategicFrame) -> tuple[ObjectiveArea, ...]:
    """Objectives grouped by area in the order the frame lists them (from the prefetched rows)."""
    areas: dict[str, list[str]] = {}
    for objective in frame.objectives.all():
        areas.setdefault(objective.area, []).append(objective.text)
    return tuple(ObjectiveArea(area, tuple(texts)) for area, texts in areas.items())


def strategic_frame_changes(*, frame: StrategicFrame, page_number=None) -> Page:
    """The frame's history with its values' and objectives', also of those since removed."""
    values = RelatedHistory(
        StrategicValue.history.filter(frame_id=frame.pk),
        lambda version: _("Valor %(position)s") % {"position": version.position},
        ("name", "description"),
    )
    objectives = RelatedHistory(
        StrategicObjective.history.filter(frame_id=frame.pk),
        lambda version: _("Objetivo %(position)s") % {"position": version.position},
        ("area", "text"),
    )
    return object_changes(instance=frame, related=(values, objectives), page_number=page_number)
