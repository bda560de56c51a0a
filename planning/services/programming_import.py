"""A programming file applied to its POA: every row validated first, then all written in one
transaction through ``programming_save`` (history, the approved-plan rule, row locks), or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.numbers import NumberError, read_number
from common.spreadsheets import UnreadableCell
from planning.models import Institution, Plan
from planning.programming_files import (
    FILE_COLUMNS,
    MEASURE_NAMES,
    MONTH_COLUMNS,
    ProgrammingFileError,
    programming_file_check,
    programming_rows,
)
from planning.selectors.programming import plan_subproduct_goals
from planning.services.programming import entry_key, programming_problems, programming_save

MEASURE_OF_NAME = {name.lower(): measure for measure, name in MEASURE_NAMES.items()}


@dataclass
class ProgrammingImport:
    plan: Plan | None = None
    errors: list[dict] = field(default_factory=list)  # {"row", "column", "message"}
    rows: int = 0
    changed: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def refuse(self, row: int | None, column: str | None, message: str) -> None:
        self.errors.append({"row": row, "column": column, "message": message})


def _figure(value) -> Decimal | None:
    """A month or annual figure as people write it; a formula the file holds no value for is refused."""
    if isinstance(value, UnreadableCell):
        raise NumberError(value.message, code="unreadable")
    return read_number(value)


class _Stop(Exception):
    """The file or its POA cannot be used at all; the outcome already says why."""


def _poa(outcome: ProgrammingImport, code: str, year: int, user) -> Plan:
    institution = Institution.objects.filter(code=code).first()
    if institution is None:
        outcome.refuse(
            None, None, _("La hoja nombra la institución «%(code)s», que no existe.") % {"code": code}
        )
        raise _Stop
    if user is not None and not user.is_superuser and user.institution_id != institution.pk:
        raise PermissionDenied(_("El archivo es de %(code)s, otra institución.") % {"code": code})
    plan = Plan.objects.filter(institution=institution, kind=Plan.Kind.POA, start_year=year).first()
    if plan is None:
        outcome.refuse(
            None,
            None,
            _("%(code)s no tiene POA %(year)s: créelo desde el POM (create_annual_plan).")
            % {"code": code, "year": year},
        )
        raise _Stop
    return plan


def _entries(outcome: ProgrammingImport, rows, goals: dict) -> tuple[dict, dict]:
    by_code = {goal.subproduct.code: goal for goal in goals.values()}
    entries: dict[int, dict[str, list]] = {}
    where: dict[str, int] = {}
    for number, values in rows:
        record = dict(zip(FILE_COLUMNS, values, strict=True))
        goal = by_code.get(str(record["subproducto"] or "").strip())
        if goal is None:
            outcome.refuse(
                number,
                "subproducto",
                _("El subproducto «%(code)s» no está en este POA.") % {"code": record["subproducto"]},
            )
            continue
        measure = MEASURE_OF_NAME.get(str(record["medida"] or "").strip().lower())
        if measure is None:
            outcome.refuse(number, "medida", _("La medida debe ser «Física» o «Financiera»."))
            continue
        key = entry_key(goal.subproduct_id, measure)
        if key in where:
            outcome.refuse(
                number,
                "medida",
                _("Fila repetida: la fila %(row)s ya programa esta meta.") % {"row": where[key]},
            )
            continue
        where[key] = number
        months, unread = [], False
        for column in ("meta_anual", *MONTH_COLUMNS):
            try:
                months.append(_figure(record[column]))
            except NumberError as error:
                outcome.refuse(number, column, error.message)
                months.append(None)
                unread = True
        if unread:  # its cells are refused already; a sum of what was read would only repeat them
            continue
        annual, months = months[0], months[1:]
        current = Decimal(getattr(goal, f"{measure}_current"))
        if annual is not None and annual != current:
            outcome.refuse(
                number,
                "meta_anual",
                _("La meta anual del archivo (%(file)s) no es la vigente (%(current)s); exporte de nuevo.")
                % {"file": annual, "current": current},
            )
        entries.setdefault(goal.subproduct_id, {})[measure] = months
    return entries, where


def programming_file_import(*, content: bytes, name: str, user, dry_run: bool = False) -> ProgrammingImport:
    """Read, validate and (unless ``dry_run``) apply a programming file; any error writes nothing."""
    outcome = ProgrammingImport()
    try:
        programming_file_check(name=name, size=len(content))
        sheet = programming_rows(content)
        plan = outcome.plan = _poa(outcome, sheet.institution_code, sheet.year, user)
    except ProgrammingFileError as error:
        outcome.refuse(None, None, str(error))
        return outcome
    except _Stop:
        return outcome
    outcome.rows = len(sheet.rows)
    with transaction.atomic():
        goals = {goal.subproduct_id: goal for goal in plan_subproduct_goals(plan=plan, year=plan.start_year)}
        entries, where = _entries(outcome, sheet.rows, goals)
        for key, (month, message) in programming_problems(goals=goals, entries=entries).items():
            outcome.refuse(where[key], MONTH_COLUMNS[month - 1] if month else "meta_anual", message)
        if not outcome.ok:
            outcome.errors.sort(key=_place)
            return outcome
        try:
            outcome.changed = programming_save(
                plan=plan,
                entries=entries,
                user=user,
                reason=_("Archivo de programación «%(name)s»") % {"name": name},
            )
        except ValidationError as error:
            outcome.refuse(None, None, " ".join(error.messages))
            return outcome
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _place(error: dict) -> tuple[int, int]:
    return error["row"] or 0, FILE_COLUMNS.index(error["column"]) if error["column"] else -1
