"""Departments and municipalities, loaded from the official list."""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from planning.models import Department, Municipality


def _geography_entries(path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(_("No se encontró el archivo de geografía %(path)s.") % {"path": path}) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            _("El archivo de geografía %(path)s no es un JSON legible: %(error)s")
            % {"path": path, "error": exc}
        ) from exc
    departments = data.get("departments") if isinstance(data, dict) else None
    if not isinstance(departments, list) or not departments:
        raise ValidationError(
            _("El archivo de geografía %(path)s no tiene la lista «departments».") % {"path": path}
        )
    return departments


def _geography_check(entry, *, pattern: str, place: str) -> tuple[str, str]:
    code = entry.get("code") if isinstance(entry, dict) else None
    name = entry.get("name") if isinstance(entry, dict) else None
    if not isinstance(code, str) or not re.fullmatch(pattern, code) or not isinstance(name, str) or not name:
        raise ValidationError(
            _("Entrada inválida en %(place)s: se esperaba código y nombre, se encontró %(entry)s.")
            % {"place": place, "entry": entry}
        )
    return code, name.strip()


@transaction.atomic
def geography_load(*, path) -> int:
    """Load departments and municipalities from the official JSON list; idempotent.

    Returns how many rows were written (departments plus municipalities). Any broken entry
    rolls the whole load back.
    """
    written = 0
    for position, entry in enumerate(_geography_entries(path), start=1):
        code, name = _geography_check(
            entry, pattern=r"\d{2}", place=_("el departamento n.º %(n)s") % {"n": position}
        )
        department, _created = Department.objects.update_or_create(code=code, defaults={"name": name})
        written += 1
        municipalities = entry.get("municipalities")
        if not isinstance(municipalities, list) or not municipalities:
            raise ValidationError(_("El departamento %(name)s no tiene municipios.") % {"name": name})
        for town in municipalities:
            town_code, town_name = _geography_check(
                town, pattern=code + r"\d{2}", place=_("los municipios de %(name)s") % {"name": name}
            )
            Municipality.objects.update_or_create(
                code=town_code, defaults={"department": department, "name": town_name}
            )
            written += 1
    return written
