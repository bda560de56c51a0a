"""IGM's strategic frame as published under art. 10 of the access-to-information law, seeded once."""

from __future__ import annotations

from datetime import date

from planning.models import StrategicFrame, StrategicObjective, StrategicValue

from .reading import FixtureError, _require

FRAME_FILE = "igm/strategic-frame.json"


class StrategicFrameSection:
    """The loader's (``_Loader``) section for the strategic frame. The frame is one unit, like a
    plan: once it exists it belongs to planning staff, so its values and objectives are written
    only together with a frame this load created."""

    def load_strategic_frame(self) -> None:
        data = self.read(FRAME_FILE)
        try:
            issue_date = date.fromisoformat(_require(data, "issue_date", FRAME_FILE))
        except ValueError as exc:
            raise FixtureError(f"{FRAME_FILE}: fecha de emisión inválida.") from exc
        frame = self.add_missing(
            StrategicFrame,
            {"institution": self.institution},
            {
                "head_of_planning": _require(data, "head_of_planning", FRAME_FILE),
                "head_of_planning_title": _require(data, "head_of_planning_title", FRAME_FILE),
                "information_officer": _require(data, "information_officer", FRAME_FILE),
                "issue_date": issue_date,
                "mission": _require(data, "mission", FRAME_FILE),
                "vision": _require(data, "vision", FRAME_FILE),
            },
        )
        if not getattr(frame, "_seeded", False):
            return
        for position, item in enumerate(_require(data, "values", FRAME_FILE), start=1):
            self.add_missing(
                StrategicValue,
                {"frame": frame, "position": position},
                {"name": item["name"], "description": item["description"]},
            )
        for position, item in enumerate(_require(data, "objectives", FRAME_FILE), start=1):
            self.add_missing(
                StrategicObjective,
                {"frame": frame, "position": position},
                {"area": item["area"], "text": item["text"]},
            )
