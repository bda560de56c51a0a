"""load_igm seeds IGM's published strategic frame once, and never over what planning staff saved."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from accounts.models import Role
from planning.models import StrategicFrame, StrategicObjective, StrategicValue
from planning.selectors.strategic import objective_areas, strategic_frame_of
from planning.services.strategic import FRAME_FIELDS, strategic_frame_save

REFERENCE = Path(settings.BASE_DIR) / "docs" / "reference" / "mision-vision-objetivos.txt"


def _paragraph_after(heading: str) -> str:
    lines = [line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines()]
    start = lines.index(heading) + 1
    return next(line for line in lines[start:] if line)


def test_frame_is_the_published_document(igm):
    frame = strategic_frame_of(institution=igm)
    assert frame.head_of_planning == "Licda. Jessica Margaret Orellana Díaz"
    assert frame.information_officer == "Edgar Leonel Leal Bolaños"
    assert frame.issue_date == date(2024, 1, 15)
    assert frame.mission == _paragraph_after("Misión")
    assert frame.vision == _paragraph_after("Visión")
    objectives = [
        line.strip()[2:]
        for line in REFERENCE.read_text(encoding="utf-8").splitlines()
        if line.startswith("- ")
    ]
    assert [objective.text for objective in frame.objectives.all()] == objectives
    areas = {area.area: len(area.objectives) for area in objective_areas(frame=frame)}
    # mision-vision-objetivos.txt: six, two, one, one and four objectives under five areas.
    assert areas == {
        "Política Migratoria": 6,
        "Control Migratorio": 2,
        "Documentos de Identidad personal y de viaje": 1,
        "Emisión de visas y residencias a extranjeros": 1,
        "Fortalecimiento técnico, administrativo-financiero": 4,
    }
    # POM 2026-2030, 1.3: eight values, from «Oficiosidad» to «Tecnificación de los servicios».
    names = [value.name for value in frame.values.all()]
    assert len(names) == 8 and names[0] == "Oficiosidad" and names[-1] == "Tecnificación de los servicios"


def test_frame_is_loaded_once(igm):
    before = (
        StrategicFrame.objects.count(),
        StrategicValue.objects.count(),
        StrategicObjective.objects.count(),
    )
    call_command("load_igm", verbosity=0)
    assert before == (1, 8, 14)
    assert (
        StrategicFrame.objects.count(),
        StrategicValue.objects.count(),
        StrategicObjective.objects.count(),
    ) == before


def test_frame_edited_by_planning_is_never_overwritten(igm, igm_user):
    frame = strategic_frame_of(institution=igm)
    header = {name: getattr(frame, name) for name in FRAME_FIELDS}
    strategic_frame_save(
        institution=igm,
        user=igm_user(Role.PLANNER),
        header={**header, "mission": "Misión actualizada por planificación.", "issue_date": date(2026, 2, 1)},
        values=[("Transparencia", "Rendimos cuentas.")],
        objectives=[("Control Migratorio", "Un solo objetivo revisado.")],
    )
    call_command("load_igm", verbosity=0)
    frame = strategic_frame_of(institution=igm)
    assert frame.mission == "Misión actualizada por planificación."
    assert frame.issue_date == date(2026, 2, 1)
    assert [(v.name, v.description) for v in frame.values.all()] == [("Transparencia", "Rendimos cuentas.")]
    assert [(o.area, o.text) for o in frame.objectives.all()] == [
        ("Control Migratorio", "Un solo objetivo revisado.")
    ]
