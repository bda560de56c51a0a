"""The intake's row checks: every cell of an execution row (file, entry grid or API) parsed and
validated against preloaded lookups, each error naming its row and column in words."""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal

from django.utils.translation import gettext, gettext_noop

from budget.execution_files import IMPORT_COLUMNS
from budget.models import CostCentre, PeriodLock
from budget.permissions import execution_writable_cost_centre_ids
from budget.services.locks import period_lock_refusal
from common.calendar import MONTH_NAMES, is_year, period_of_month
from common.figures import CENT
from common.formats import units
from common.forms import TEXT_MAX_LENGTH
from common.numbers import NumberError, read_number, shown
from common.spreadsheets import UnreadableCell, column_letter, is_formula_text, written_text
from planning.models import Institution, Subproduct
from planning.selectors.plans import plan_for_year

_MAX_PHYSICAL = 10**15
_MAX_FINANCIAL = Decimal("99999999999999.99")
_MAX_FINANCIAL_FLOAT = float(_MAX_FINANCIAL)
MAX_ERRORS = 200  # stored and shown; beyond them a file's errors are only counted


# Translations remembered while one file is checked: a file of 200,000 bad rows asks for the same
# few messages hundreds of thousands of times, and each gettext call looks up the active language.
_remembered: ContextVar[dict | None] = ContextVar("intake_translations", default=None)


def _(message: str) -> str:
    remembered = _remembered.get()
    if remembered is None:
        return gettext(message)
    text = remembered.get(message)
    if text is None:
        text = remembered[message] = gettext(message)
    return text


def intake_error(row: int | None, column: str | None, message: str) -> dict:
    """An error as the file's reader needs it (``message`` names row and column) and, in
    ``detail``, alone, for screens that point at the cell themselves (the entry grid); ``cell`` is
    where a file has it (``E7``)."""
    detail = message
    cell = ""
    if row is not None:
        message = _("Fila %(row)s, columna %(column)s: %(message)s") % {
            "row": row,
            "column": column,
            "message": message,
        }
        if column in IMPORT_COLUMNS:
            cell = f"{column_letter(IMPORT_COLUMNS.index(column) + 1)}{row}"
    return {"row": row, "column": column, "cell": cell, "message": message, "detail": detail}


class IntakeErrors:
    """A file's errors: the first MAX_ERRORS kept, the others counted (a 200,000-row file of bad
    rows must not become 100 MB of messages)."""

    def __init__(self):
        self.kept: list[dict] = []
        self.total = 0

    def __bool__(self) -> bool:
        return self.total > 0

    def extend(self, errors) -> None:
        for error in errors:
            self.total += 1
            if len(self.kept) < MAX_ERRORS:
                self.kept.append(error)

    def listed(self) -> list[dict]:
        """At most MAX_ERRORS entries; when there were more, the last says how many."""
        if self.total <= MAX_ERRORS:
            return self.kept
        shown = MAX_ERRORS - 1
        more = _(
            "… y %(count)s errores más que no se muestran. Corrija los anteriores y vuelva a cargar "
            "el archivo para ver el resto."
        ) % {"count": units(self.total - shown)}
        return [*self.kept[:shown], intake_error(None, None, more)]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Our templates write text that looks like a formula with a leading apostrophe.
    return written_text(str(value).strip())


def _number(value) -> Decimal | None:
    """A cell as an exact Decimal, or None when it is not a plain number."""
    try:
        return read_number(value)
    except NumberError:
        return None


def _cell_problem(value) -> str | None:
    """Why a cell's content cannot be taken as a value: a formula (typed as text, or without the
    value the workbook would have computed) or an error such as #DIV/0!."""
    if isinstance(value, UnreadableCell):
        return value.message
    if is_formula_text(value):
        return _("la celda contiene la fórmula «%(formula)s»; escriba el valor, no una fórmula.") % {
            "formula": value.strip()
        }
    return None


def month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1].lower()} {year}"


class IntakeRowChecker:
    """Validates execution rows against a handful of preloaded dictionaries.

    Every lookup is loaded once (cost centres, what each produces, the plan and its subproducts
    per year, locks), so a 100,000-row file costs a few queries, not one per row.
    """

    def __init__(self, *, institution: Institution, user):
        self.institution = institution
        self.user = user
        self.centres = {
            code: (pk, name)
            for pk, code, name in CostCentre.objects.filter(institution=institution).values_list(
                "id", "code", "name"
            )
        }
        self.centre_codes = {pk: code for code, (pk, _name) in self.centres.items()}
        self.allowed = execution_writable_cost_centre_ids(user=user, institution=institution)
        self.produces = set(
            CostCentre.subproducts.through.objects.filter(costcentre__institution=institution).values_list(
                "costcentre_id", "subproduct_id"
            )
        )
        self.subproduct_codes: dict[int, str] = {}
        self._plans: dict[int, tuple | None] = {}
        self._locks: dict[int, dict[int, PeriodLock]] = {}

    def plan(self, year: int):
        """(plan, {code: [subproduct ids]}) for the year, or None when no plan covers it."""
        if year not in self._plans:
            plan = plan_for_year(institution=self.institution, year=year)
            entry = None
            if plan is not None:
                codes: dict[str, list[int]] = {}
                for pk, code in Subproduct.objects.filter(product__plan=plan).values_list("id", "code"):
                    codes.setdefault(code, []).append(pk)
                    self.subproduct_codes[pk] = code
                entry = (plan, codes)
            self._plans[year] = entry
        return self._plans[year]

    def lock(self, year: int, month: int) -> PeriodLock | None:
        if year not in self._locks:
            self._locks[year] = {
                lock.period: lock
                for lock in PeriodLock.objects.filter(
                    institution=self.institution, year=year, unlocked_at__isnull=True
                ).select_related("locked_by")
            }
        return self._locks[year].get(period_of_month(month))

    def validate(self, rows) -> tuple[list[tuple], IntakeErrors, int]:
        """Check every row; returns (valid rows, errors, rows skipped because they carry no values).

        A valid row is (cost centre id, subproduct id, year, month, physical, financial, notes, line).
        """
        remembering = _remembered.set({})
        try:
            return self._validate(rows)
        finally:
            _remembered.reset(remembering)

    def _validate(self, rows) -> tuple[list[tuple], IntakeErrors, int]:
        valid: list[tuple] = []
        errors = IntakeErrors()
        skipped = 0
        seen: dict[tuple, int] = {}
        for line, values in rows:
            # Most rows hold neither kind of problem; the plain test keeps them cheap.
            if any(
                type(value) is UnreadableCell or (type(value) is str and "=" in value) for value in values
            ):
                problems = [
                    intake_error(line, column, problem)
                    for column, value in zip(IMPORT_COLUMNS, values, strict=True)
                    if (problem := _cell_problem(value))
                ]
                if problems:
                    errors.extend(problems)
                    continue
            cc_raw, sp_raw, year_raw, month_raw, physical_raw, financial_raw, notes_raw = values
            notes = _text(notes_raw)
            if physical_raw is None and financial_raw is None and not notes:
                skipped += 1
                continue
            row_errors: list[dict] = []
            cost_centre = self._cost_centre(line, _text(cc_raw), row_errors)
            year = self._year(line, year_raw, row_errors)
            month = self._month(line, month_raw, row_errors)
            subproduct = self._subproduct(line, _text(sp_raw), year, row_errors)
            physical = self._physical(line, physical_raw, row_errors)
            financial = self._financial(line, financial_raw, row_errors)
            if len(notes) > TEXT_MAX_LENGTH:
                message = _("el texto tiene %(length)s caracteres; el máximo es %(maximum)s.")
                row_errors.append(
                    intake_error(
                        line,
                        "observaciones",
                        message % {"length": units(len(notes)), "maximum": units(TEXT_MAX_LENGTH)},
                    )
                )
            if cost_centre and subproduct and (cost_centre, subproduct) not in self.produces:
                row_errors.append(
                    intake_error(
                        line,
                        "subproducto",
                        _("el centro de costo «%(cc)s» no produce el subproducto «%(sp)s».")
                        % {"cc": self.centre_codes[cost_centre], "sp": self.subproduct_codes[subproduct]},
                    )
                )
            if cost_centre and year and month:
                lock = self.lock(year, month)
                if lock is not None:
                    row_errors.append(intake_error(line, "mes", period_lock_refusal(lock)))
            if not row_errors and cost_centre and subproduct:
                key = (cost_centre, subproduct, year, month)
                first = seen.setdefault(key, line)
                if first != line:
                    row_errors.append(
                        intake_error(
                            line,
                            "subproducto",
                            _(
                                "fila duplicada: el subproducto «%(sp)s» del centro de costo «%(cc)s» "
                                "para %(month)s ya aparece en la fila %(first)s."
                            )
                            % {
                                "sp": self.subproduct_codes[subproduct],
                                "cc": self.centre_codes[cost_centre],
                                "month": month_label(year, month),
                                "first": first,
                            },
                        )
                    )
            if row_errors:
                errors.extend(row_errors)
            else:
                valid.append((cost_centre, subproduct, year, month, physical, financial, notes, line))
        return valid, errors, skipped

    def _cost_centre(self, line, code, errors) -> int | None:
        if not code:
            errors.append(intake_error(line, "centro_costo", _("el valor es obligatorio.")))
            return None
        found = self.centres.get(code)
        if found is None:
            errors.append(
                intake_error(
                    line,
                    "centro_costo",
                    _("el centro de costo «%(code)s» no existe en %(institution)s.")
                    % {"code": code, "institution": self.institution.code},
                )
            )
            return None
        if self.allowed is not None and found[0] not in self.allowed:
            errors.append(
                intake_error(
                    line,
                    "centro_costo",
                    _("usted no está asignado al centro de costo «%(code)s»; solo puede reportar los suyos.")
                    % {"code": code},
                )
            )
            return None
        return found[0]

    def _whole(self, line, column, raw, errors) -> int | None:
        if type(raw) is int:
            return raw
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            errors.append(intake_error(line, column, _("el valor es obligatorio.")))
            return None
        number = _number(raw)
        if number is None or number != number.to_integral_value():
            return None
        return int(number)

    def _year(self, line, raw, errors) -> int | None:
        before = len(errors)
        year = self._whole(line, "anio", raw, errors)
        if year is None:
            if len(errors) == before:
                errors.append(
                    intake_error(line, "anio", _("«%(value)s» no es un año.") % {"value": shown(raw)})
                )
            return None
        if not is_year(year) or self.plan(year) is None:
            errors.append(
                intake_error(
                    line,
                    "anio",
                    _(
                        "el año %(year)s está fuera de los planes de %(institution)s: "
                        "ningún POA ni POM lo cubre."
                    )
                    % {"year": year, "institution": self.institution.code},
                )
            )
            return None
        return year

    def _month(self, line, raw, errors) -> int | None:
        before = len(errors)
        month = self._whole(line, "mes", raw, errors)
        if month is None or not 1 <= month <= 12:
            if len(errors) == before:
                errors.append(
                    intake_error(
                        line,
                        "mes",
                        _("«%(value)s» no es un mes válido; use un número del 1 al 12.")
                        % {"value": shown(raw)},
                    )
                )
            return None
        return month

    def _subproduct(self, line, code, year, errors) -> int | None:
        if not code:
            errors.append(intake_error(line, "subproducto", _("el valor es obligatorio.")))
            return None
        if year is None:
            return None
        plan, codes = self.plan(year)
        found = codes.get(code)
        if found is None:
            errors.append(
                intake_error(
                    line,
                    "subproducto",
                    _("el subproducto «%(code)s» no existe en el plan «%(plan)s».")
                    % {"code": code, "plan": plan.name},
                )
            )
            return None
        if len(found) > 1:
            errors.append(
                intake_error(
                    line,
                    "subproducto",
                    _("el código «%(code)s» corresponde a varios subproductos del plan «%(plan)s».")
                    % {"code": code, "plan": plan.name},
                )
            )
            return None
        return found[0]

    def _physical(self, line, raw, errors) -> int | None:
        if type(raw) is int and 0 <= raw <= _MAX_PHYSICAL:  # a spreadsheet's number, as is
            return raw
        number, message = _figure(raw, _PHYSICAL_RULES)
        if message:
            errors.append(intake_error(line, "ejecucion_fisica", message))
            return None
        return int(number)

    def _financial(self, line, raw, errors) -> Decimal | None:
        if type(raw) is float and 0 <= raw <= _MAX_FINANCIAL_FLOAT:  # a spreadsheet's number
            number = Decimal(repr(raw))
            amount = number.quantize(CENT)
            if amount == number:
                return amount
        number, message = _figure(raw, _FINANCIAL_RULES)
        if message:
            errors.append(intake_error(line, "ejecucion_financiera", message))
            return None
        return number.quantize(CENT)


# A figure's rules, in order: what it must not be, and the message when it is.
_PHYSICAL_RULES = (
    (None, gettext_noop("«%(value)s» no es un número.")),
    (
        lambda number: number < 0,
        gettext_noop("«%(value)s» es negativo; la ejecución física no puede ser negativa."),
    ),
    (
        lambda number: number != number.to_integral_value(),
        gettext_noop("«%(value)s» no es un número entero de unidades."),
    ),
    (lambda number: number > _MAX_PHYSICAL, gettext_noop("«%(value)s» excede el máximo admitido.")),
)
_FINANCIAL_RULES = (
    (None, gettext_noop("«%(value)s» no es un monto en quetzales.")),
    (
        lambda number: number < 0,
        gettext_noop("«%(value)s» es negativo; la ejecución financiera no puede ser negativa."),
    ),
    (
        lambda number: number != number.quantize(CENT),
        gettext_noop("«%(value)s» tiene más de dos decimales; los quetzales llevan como máximo dos."),
    ),
    (lambda number: number > _MAX_FINANCIAL, gettext_noop("«%(value)s» excede el máximo admitido.")),
)


def _figure(raw, rules) -> tuple[Decimal | None, str]:
    """A figure read by the one number reader, or why not: missing, not a number (in the column's
    words, the first rule), written with a decimal comma (the reader says how to write it), or
    against one of the column's rules."""
    not_a_number, limits = rules[0][1], rules[1:]
    value = {"value": shown(raw)}
    try:
        number = read_number(raw)
    except NumberError as error:
        return None, error.message if error.code == "decimal_comma" else _(not_a_number) % value
    if number is None:
        return None, _("falta el valor; escriba 0 si no hubo ejecución.")
    for broken, message in limits:
        if broken(number):
            return None, _(message) % value
    return number, ""
