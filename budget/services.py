"""Writes and business rules for execution and its periods."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.calendar import MONTH_NAMES, PERIOD_MONTHS, is_year, period_of_month
from common.figures import CENT
from planning.models import Institution, Subproduct
from planning.selectors import plan_for_year

from .execution_files import IMPORT_COLUMNS, ExecutionFileError, execution_file_rows
from .models import CostCentre, Execution, ExecutionMonth, ExecutionUpload, PeriodLock
from .permissions import (
    ensure_execution_writer,
    ensure_month_reviewer,
    ensure_month_submitter,
    ensure_period_unlocker,
    ensure_upload_confirmer,
    execution_writable_cost_centre_ids,
)
from .selectors import MONTH_CLOSED, period_lock_active


class PeriodLocked(Exception):
    """A change was refused because its period is locked; the message says by whom and why."""


def period_lock_refusal(lock: PeriodLock) -> str:
    """The sentence shown whenever a locked period refuses a change."""
    months = PERIOD_MONTHS[lock.period]
    return _(
        "El cuatrimestre %(first)s–%(last)s %(year)s fue bloqueado el %(date)s por %(user)s "
        "(%(reason)s). Solo planificación puede desbloquearlo, dejando constancia del motivo."
    ) % {
        "first": MONTH_NAMES[months[0] - 1][:3].lower(),
        "last": MONTH_NAMES[months[-1] - 1][:3].lower(),
        "year": lock.year,
        "date": date_format(timezone.localtime(lock.locked_at), "Y-m-d"),
        "user": lock.locked_by or _("el sistema"),
        "reason": lock.reason,
    }


def period_ensure_open(*, institution: Institution, year: int, month: int) -> None:
    """Raise PeriodLocked (with the reason in words) when the month's period is locked."""
    lock = period_lock_active(institution=institution, year=year, period=period_of_month(month))
    if lock is not None:
        raise PeriodLocked(period_lock_refusal(lock))


@transaction.atomic
def period_lock(*, institution: Institution, year: int, period: int, user, reason: str) -> PeriodLock:
    """Lock a four-month period; idempotent when it is already locked."""
    existing = period_lock_active(institution=institution, year=year, period=period)
    if existing is not None:
        return existing
    lock = PeriodLock(
        institution=institution,
        year=year,
        period=period,
        locked_at=timezone.now(),
        locked_by=user,
        reason=reason,
    )
    lock.full_clean()
    lock.save()
    return lock


@transaction.atomic
def period_unlock(*, institution: Institution, year: int, period: int, user, reason: str) -> PeriodLock:
    """Explicit, recorded unlock by planning staff; the lock row stays as the record."""
    ensure_period_unlocker(user=user)
    if not reason.strip():
        raise ValueError(_("Indique el motivo del desbloqueo."))
    lock = period_lock_active(institution=institution, year=year, period=period)
    if lock is None:
        raise ValueError(
            _("El cuatrimestre %(period)s de %(year)s no está bloqueado.") % {"period": period, "year": year}
        )
    lock.unlocked_at = timezone.now()
    lock.unlocked_by = user
    lock.unlock_reason = reason.strip()
    lock.save()
    return lock


# --- Execution intake (issue 3) ------------------------------------------------------------------

INTAKE_BATCH = 5000
PREVIEW_SAMPLE = 200
_MAX_PHYSICAL = 10**15
_MAX_FINANCIAL = Decimal("99999999999999.99")
_INTEGER = re.compile(r"[+-]?\d+(\.\d+)?")


class IntakeRefused(Exception):
    """A workflow step or upload was refused; the message says why in words."""


@dataclass
class IntakeOutcome:
    """What an import found and did: errors (nothing written) or the counts and a sample of changes."""

    errors: list[dict] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    changes: list[dict] = field(default_factory=list)
    fingerprint: str = ""
    stale: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "changes": self.changes,
            "fingerprint": self.fingerprint,
        }


def _issue(row: int | None, column: str | None, message: str) -> dict:
    """An error as the file's reader needs it (``message`` names row and column) and, in
    ``detail``, alone, for screens that point at the cell themselves (the entry grid)."""
    detail = message
    if row is not None:
        message = _("Fila %(row)s, columna %(column)s: %(message)s") % {
            "row": row,
            "column": column,
            "message": message,
        }
    return {"row": row, "column": column, "message": message, "detail": detail}


def _shown(value) -> str:
    return str(value).strip() if not isinstance(value, float) else repr(value)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # Our templates write text that looks like a formula with a leading apostrophe.
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


def _number(value) -> Decimal | None:
    """A cell as an exact Decimal, or None when it is not a plain number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if value == value and abs(value) != float("inf") else None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


def _month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1].lower()} {year}"


def _closed_month_message(state: ExecutionMonth, cost_centre_code: str) -> str:
    values = {
        "month": _month_label(state.year, state.month),
        "code": cost_centre_code,
        "date": date_format(timezone.localtime(state.changed_at), "Y-m-d"),
        "user": state.changed_by or _("el sistema"),
    }
    if state.status == ExecutionMonth.Status.SUBMITTED:
        return (
            _(
                "el mes %(month)s del centro de costo «%(code)s» fue enviado a revisión el %(date)s "
                "por %(user)s; no admite cambios mientras planificación lo revisa."
            )
            % values
        )
    return (
        _(
            "el mes %(month)s del centro de costo «%(code)s» fue aprobado el %(date)s por %(user)s; "
            "no admite cambios salvo que planificación lo devuelva para revisión."
        )
        % values
    )


class _Intake:
    """Validates execution rows against a handful of preloaded dictionaries, then writes in bulk.

    Every lookup is loaded once (cost centres, what each produces, the plan and its subproducts
    per year, locks, closed months), so a 100,000-row file costs a few queries, not one per row.
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

    def validate(self, rows) -> tuple[list[tuple], list[dict], int]:
        """Check every row; returns (valid rows, errors, rows skipped because they carry no values).

        A valid row is (cost centre id, subproduct id, year, month, physical, financial, notes, line).
        """
        valid: list[tuple] = []
        errors: list[dict] = []
        skipped = 0
        seen: dict[tuple, int] = {}
        for line, values in rows:
            formulas = [
                (column, value)
                for column, value in zip(IMPORT_COLUMNS, values, strict=True)
                if isinstance(value, str) and value.startswith("=")
            ]
            if formulas:
                errors.extend(
                    _issue(
                        line,
                        column,
                        _("la celda contiene la fórmula «%(formula)s»; escriba el valor, no una fórmula.")
                        % {"formula": value},
                    )
                    for column, value in formulas
                )
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
            if cost_centre and subproduct and (cost_centre, subproduct) not in self.produces:
                row_errors.append(
                    _issue(
                        line,
                        "subproducto",
                        _("el centro de costo «%(cc)s» no produce el subproducto «%(sp)s».")
                        % {"cc": self.centre_codes[cost_centre], "sp": self.subproduct_codes[subproduct]},
                    )
                )
            if cost_centre and year and month:
                lock = self.lock(year, month)
                if lock is not None:
                    row_errors.append(_issue(line, "mes", period_lock_refusal(lock)))
            if not row_errors and cost_centre and subproduct:
                key = (cost_centre, subproduct, year, month)
                first = seen.setdefault(key, line)
                if first != line:
                    row_errors.append(
                        _issue(
                            line,
                            "subproducto",
                            _(
                                "fila duplicada: el subproducto «%(sp)s» del centro de costo «%(cc)s» "
                                "para %(month)s ya aparece en la fila %(first)s."
                            )
                            % {
                                "sp": self.subproduct_codes[subproduct],
                                "cc": self.centre_codes[cost_centre],
                                "month": _month_label(year, month),
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
            errors.append(_issue(line, "centro_costo", _("el valor es obligatorio.")))
            return None
        found = self.centres.get(code)
        if found is None:
            errors.append(
                _issue(
                    line,
                    "centro_costo",
                    _("el centro de costo «%(code)s» no existe en %(institution)s.")
                    % {"code": code, "institution": self.institution.code},
                )
            )
            return None
        if self.allowed is not None and found[0] not in self.allowed:
            errors.append(
                _issue(
                    line,
                    "centro_costo",
                    _("usted no está asignado al centro de costo «%(code)s»; solo puede reportar los suyos.")
                    % {"code": code},
                )
            )
            return None
        return found[0]

    def _whole(self, line, column, raw, errors) -> int | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            errors.append(_issue(line, column, _("el valor es obligatorio.")))
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
                errors.append(_issue(line, "anio", _("«%(value)s» no es un año.") % {"value": _shown(raw)}))
            return None
        if not is_year(year) or self.plan(year) is None:
            errors.append(
                _issue(
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
                    _issue(
                        line,
                        "mes",
                        _("«%(value)s» no es un mes válido; use un número del 1 al 12.")
                        % {"value": _shown(raw)},
                    )
                )
            return None
        return month

    def _subproduct(self, line, code, year, errors) -> int | None:
        if not code:
            errors.append(_issue(line, "subproducto", _("el valor es obligatorio.")))
            return None
        if year is None:
            return None
        plan, codes = self.plan(year)
        found = codes.get(code)
        if found is None:
            errors.append(
                _issue(
                    line,
                    "subproducto",
                    _("el subproducto «%(code)s» no existe en el plan «%(plan)s».")
                    % {"code": code, "plan": plan.name},
                )
            )
            return None
        if len(found) > 1:
            errors.append(
                _issue(
                    line,
                    "subproducto",
                    _("el código «%(code)s» corresponde a varios subproductos del plan «%(plan)s».")
                    % {"code": code, "plan": plan.name},
                )
            )
            return None
        return found[0]

    def _physical(self, line, raw, errors) -> int | None:
        if raw is None:
            errors.append(
                _issue(line, "ejecucion_fisica", _("falta el valor; escriba 0 si no hubo ejecución."))
            )
            return None
        number = _number(raw)
        shown = {"value": _shown(raw)}
        if number is None:
            message = _("«%(value)s» no es un número.") % shown
        elif number < 0:
            message = _("«%(value)s» es negativo; la ejecución física no puede ser negativa.") % shown
        elif number != number.to_integral_value():
            message = _("«%(value)s» no es un número entero de unidades.") % shown
        elif number > _MAX_PHYSICAL:
            message = _("«%(value)s» excede el máximo admitido.") % shown
        else:
            return int(number)
        errors.append(_issue(line, "ejecucion_fisica", message))
        return None

    def _financial(self, line, raw, errors) -> Decimal | None:
        if raw is None:
            errors.append(
                _issue(line, "ejecucion_financiera", _("falta el valor; escriba 0 si no hubo ejecución."))
            )
            return None
        number = _number(raw)
        shown = {"value": _shown(raw)}
        if number is None:
            message = _("«%(value)s» no es un monto en quetzales.") % shown
        elif number < 0:
            message = _("«%(value)s» es negativo; la ejecución financiera no puede ser negativa.") % shown
        elif number != number.quantize(CENT):
            message = (
                _("«%(value)s» tiene más de dos decimales; los quetzales llevan como máximo dos.") % shown
            )
        elif number > _MAX_FINANCIAL:
            message = _("«%(value)s» excede el máximo admitido.") % shown
        else:
            return number.quantize(CENT)
        errors.append(_issue(line, "ejecucion_financiera", message))
        return None

    def closed_month_errors(self, valid: list[tuple], *, lock: bool) -> list[dict]:
        """Rows that fall in a month already submitted or approved. With ``lock`` the months'
        status rows are created if missing and locked (SELECT … FOR UPDATE), which serialises
        concurrent imports of the same cost centre and month."""
        keys = {(row[0], row[2], row[3]) for row in valid}
        centres = {key[0] for key in keys}
        years = {key[1] for key in keys}
        months = {key[2] for key in keys}
        states = ExecutionMonth.objects.filter(cost_centre_id__in=centres, year__in=years, month__in=months)
        if lock:
            ExecutionMonth.objects.bulk_create(
                [ExecutionMonth(cost_centre_id=cc, year=year, month=month) for cc, year, month in keys],
                ignore_conflicts=True,
            )
            states = states.select_for_update(of=("self",)).order_by("id")
        closed = {
            (state.cost_centre_id, state.year, state.month): state
            for state in states.select_related("changed_by")
            if state.status in MONTH_CLOSED
        }
        errors = []
        for row in valid:
            state = closed.get((row[0], row[2], row[3]))
            if state is not None:
                errors.append(_issue(row[7], "mes", _closed_month_message(state, self.centre_codes[row[0]])))
        return errors

    def compare(self, valid: list[tuple], *, lock: bool) -> tuple[IntakeOutcome, list[tuple], list[tuple]]:
        """Split rows into new, changed and unchanged against what the database holds."""
        centres = {row[0] for row in valid}
        years = {row[2] for row in valid}
        months = {row[3] for row in valid}
        fields = _EXECUTION_FIELDS
        existing_rows = Execution.objects.filter(
            cost_centre_id__in=centres, year__in=years, month__in=months
        ).order_by()
        if lock:
            existing_rows = existing_rows.select_for_update()
        index = {fields.index(name): name for name in ("cost_centre_id", "subproduct_id", "year", "month")}
        existing = {
            tuple(values[position] for position in index): values
            for values in existing_rows.values_list(*fields)
        }
        outcome = IntakeOutcome()
        creates, updates = [], []
        versions = matched = 0
        physical_at, financial_at, notes_at, version_at = (
            fields.index(name) for name in ("physical", "financial", "notes", "version")
        )
        for row in valid:
            cc, sp, year, month, physical, financial, notes, line = row
            current = existing.get((cc, sp, year, month))
            if current is None:
                creates.append(row)
                action = "created"
                before = (None, None, None)
            else:
                matched += 1
                versions += current[version_at]
                before = (current[physical_at], current[financial_at], current[notes_at])
                if before == (physical, financial, notes):
                    outcome.unchanged += 1
                    action = "unchanged"
                else:
                    updates.append((current, physical, financial, notes))
                    action = "updated"
            if len(outcome.changes) < PREVIEW_SAMPLE:
                outcome.changes.append(
                    {
                        "row": line,
                        "action": action,
                        "cost_centre": self.centre_codes[cc],
                        "subproduct": self.subproduct_codes[sp],
                        "year": year,
                        "month": month,
                        "before": [before[0], None if before[1] is None else f"{before[1]:.2f}", before[2]],
                        "after": [physical, f"{financial:.2f}", notes],
                    }
                )
        outcome.created, outcome.updated = len(creates), len(updates)
        outcome.fingerprint = f"{matched}:{versions}"
        return outcome, creates, updates

    def write(self, *, creates: list[tuple], updates: list[tuple], upload, reason: str) -> None:
        """Insert and update with plain executemany, and write one history row per change.

        The ORM's bulk_create/bulk_update compile every value through the SQL compiler, which
        made a 100,000-row import spend most of its time building SQL; the values here are
        already validated, so they go to the driver as they are.
        """
        ops = connection.ops
        now = timezone.now()
        stamp = ops.adapt_datetimefield_value(now)
        upload_id = upload.pk if upload is not None else None
        names = _EXECUTION_FIELDS[1:]
        records = []
        with connection.cursor() as cursor:
            _bulk_insert(
                cursor,
                Execution,
                names,
                (
                    (cc, sp, year, month, physical, financial, notes, False, "", upload_id, 1, stamp)
                    for cc, sp, year, month, physical, financial, notes, _line in creates
                ),
            )
            changed = [
                (physical, financial, notes, upload_id, stamp, current[0])
                for current, physical, financial, notes in updates
            ]
            cursor.executemany(_UPDATE_SQL, changed)
            if creates:
                keys = {(row[0], row[1], row[2], row[3]) for row in creates}
                ids = {
                    (cc, sp, year, month): pk
                    for pk, cc, sp, year, month in Execution.objects.filter(
                        cost_centre_id__in={key[0] for key in keys},
                        year__in={key[2] for key in keys},
                        month__in={key[3] for key in keys},
                    ).values_list("id", "cost_centre_id", "subproduct_id", "year", "month")
                }
                records += [
                    (ids[(row[0], row[1], row[2], row[3])], *row[:7], False, "", upload_id, 1, stamp, "+")
                    for row in creates
                ]
            records += [
                (
                    *current[:5],
                    physical,
                    financial,
                    notes,
                    *current[8:10],
                    upload_id,
                    current[11] + 1,
                    stamp,
                    "~",
                )
                for current, physical, financial, notes in updates
            ]
            user_id = getattr(self.user, "pk", None)
            _bulk_insert(
                cursor,
                Execution.history.model,
                _EXECUTION_FIELDS
                + ["history_type", "history_date", "history_change_reason", "history_user_id"],
                ((*record, stamp, reason, user_id) for record in records),
            )


_EXECUTION_FIELDS = [f.attname for f in Execution._meta.concrete_fields]
_UPDATE_SQL = (
    f"UPDATE {Execution._meta.db_table} SET physical = %s, financial = %s, notes = %s, "  # noqa: S608
    "source_upload_id = %s, updated_at = %s, version = version + 1 WHERE id = %s"
)


def _bulk_insert(cursor, model, names: list[str], rows) -> None:
    """COPY on PostgreSQL (an executemany pipeline spends its time dumping parameters), batched
    executemany elsewhere."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(names))})"  # noqa: S608
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == INTAKE_BATCH:
            cursor.executemany(sql, batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)


def _intake_run(
    *, rows, institution, user, upload=None, reason: str = "", write: bool, expected_fingerprint: str = ""
) -> IntakeOutcome:
    """Validate every row, then (``write``) apply them in one transaction; any error writes nothing."""
    intake = _Intake(institution=institution, user=user)
    try:
        valid, errors, skipped = intake.validate(rows)
    except ExecutionFileError as error:
        return IntakeOutcome(errors=[_issue(None, None, str(error))])
    if not errors and not valid:
        errors = [
            _issue(None, None, _("El archivo no contiene datos de ejecución: todas las filas están vacías."))
        ]
    if errors:
        return IntakeOutcome(errors=errors, skipped=skipped)
    arguments = {"intake": intake, "valid": valid, "skipped": skipped, "write": write, "upload": upload}
    arguments |= {"reason": reason, "expected_fingerprint": expected_fingerprint}
    try:
        return _intake_apply(**arguments)
    except IntegrityError:
        # A concurrent import inserted the same rows between our read and our insert: read again
        # and apply them as updates. A second collision is reported, never half-applied.
        try:
            return _intake_apply(**arguments)
        except IntegrityError:
            message = _("Otra carga modificó los mismos meses al mismo tiempo; intente de nuevo.")
            return IntakeOutcome(errors=[_issue(None, None, message)])


@transaction.atomic
def _intake_apply(
    *, intake: _Intake, valid, skipped: int, write: bool, upload, reason: str, expected_fingerprint: str
) -> IntakeOutcome:
    errors = intake.closed_month_errors(valid, lock=write)
    if errors:
        transaction.set_rollback(True)
        return IntakeOutcome(errors=errors, skipped=skipped)
    outcome, creates, updates = intake.compare(valid, lock=write)
    outcome.skipped = skipped
    if expected_fingerprint and outcome.fingerprint != expected_fingerprint:
        outcome.stale = True
    elif write:
        intake.write(creates=creates, updates=updates, upload=upload, reason=reason)
    return outcome


def _upload_reason(upload: ExecutionUpload) -> str:
    return _("Carga n.º %(id)s «%(name)s»") % {"id": upload.pk, "name": upload.original_name}


def _upload_store(*, content: bytes, name: str, user, institution: Institution) -> ExecutionUpload:
    upload = ExecutionUpload(
        institution=institution,
        original_name=name[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        uploaded_by=user,
    )
    upload.file.save(name, ContentFile(content), save=False)
    upload.full_clean()
    upload.save()
    return upload


def _upload_record(upload: ExecutionUpload, outcome: IntakeOutcome, success: str) -> ExecutionUpload:
    upload.outcome = success if outcome.ok else ExecutionUpload.Outcome.REJECTED
    upload.errors = outcome.errors
    upload.summary = outcome.summary() if outcome.ok else {"skipped": outcome.skipped}
    upload.save(update_fields=["outcome", "errors", "summary"])
    return upload


def execution_file_preview(*, content: bytes, name: str, user, institution: Institution) -> ExecutionUpload:
    """Keep the file as received, validate it and record what confirming it would do."""
    ensure_execution_writer(user=user)
    upload = _upload_store(content=content, name=name, user=user, institution=institution)
    outcome = _intake_run(
        rows=execution_file_rows(content=content, name=name), institution=institution, user=user, write=False
    )
    return _upload_record(upload, outcome, ExecutionUpload.Outcome.PREVIEWED)


def execution_upload_apply(*, upload: ExecutionUpload, user) -> tuple[ExecutionUpload, IntakeOutcome]:
    """Confirm a previewed upload: validate the stored file again and write it in one transaction.

    When the rows it touches changed since the preview, nothing is written and the preview is
    refreshed (``outcome.stale``) so the user confirms what will really happen.
    """
    if upload.outcome != ExecutionUpload.Outcome.PREVIEWED:
        raise IntakeRefused(
            _("La carga n.º %(id)s ya fue %(outcome)s; no se puede confirmar de nuevo.")
            % {"id": upload.pk, "outcome": upload.get_outcome_display().lower()}
        )
    ensure_upload_confirmer(user=user, upload=upload)
    with upload.file.open("rb") as handle:
        content = handle.read()
    outcome = _intake_run(
        rows=execution_file_rows(content=content, name=upload.original_name),
        institution=upload.institution,
        user=user,
        upload=upload,
        reason=_upload_reason(upload),
        write=True,
        expected_fingerprint=upload.summary.get("fingerprint", ""),
    )
    if outcome.stale:
        upload.summary = outcome.summary()
        upload.save(update_fields=["summary"])
        return upload, outcome
    return _upload_record(upload, outcome, ExecutionUpload.Outcome.APPLIED), outcome


def execution_file_import(
    *, content: bytes, name: str, user, institution: Institution, dry_run: bool = False
) -> tuple[ExecutionUpload | None, IntakeOutcome]:
    """Validate and apply a file in one pass (command line). ``dry_run`` stores and writes nothing."""
    ensure_execution_writer(user=user)
    rows = execution_file_rows(content=content, name=name)
    if dry_run:
        return None, _intake_run(rows=rows, institution=institution, user=user, write=False)
    upload = _upload_store(content=content, name=name, user=user, institution=institution)
    outcome = _intake_run(
        rows=rows,
        institution=institution,
        user=user,
        upload=upload,
        reason=_upload_reason(upload),
        write=True,
    )
    return _upload_record(upload, outcome, ExecutionUpload.Outcome.APPLIED), outcome


def execution_month_save(
    *, cost_centre: CostCentre, year: int, month: int, entries: list[dict], user, reason: str = ""
) -> IntakeOutcome:
    """The monthly entry form and the REST API: each entry (subproduct code, physical, financial,
    notes) is one row, numbered from 1, validated and written exactly like a file row."""
    ensure_execution_writer(user=user)
    rows = [
        (
            number,
            (
                cost_centre.code,
                entry["subproduct"],
                year,
                month,
                entry.get("physical"),
                entry.get("financial"),
                entry.get("notes") or None,
            ),
        )
        for number, entry in enumerate(entries, start=1)
    ]
    return _intake_run(
        rows=rows,
        institution=cost_centre.institution,
        user=user,
        reason=reason or _("Captura en el formulario mensual"),
        write=True,
    )


def _month_state_for_update(*, cost_centre: CostCentre, year: int, month: int) -> ExecutionMonth:
    period_ensure_open(institution=cost_centre.institution, year=year, month=month)
    state, _created = ExecutionMonth.objects.get_or_create(cost_centre=cost_centre, year=year, month=month)
    return ExecutionMonth.objects.select_for_update().get(pk=state.pk)


def _month_state_save(state: ExecutionMonth, *, status: str, comment: str, user) -> ExecutionMonth:
    state.status = status
    state.comment = comment
    state.changed_by = user
    state._history_user = user
    state.full_clean()
    state.save()
    return state


@transaction.atomic
def execution_month_submit(*, cost_centre: CostCentre, year: int, month: int, user) -> ExecutionMonth:
    """The officer sends the month to planning for review."""
    ensure_month_submitter(user=user, cost_centre=cost_centre)
    state = _month_state_for_update(cost_centre=cost_centre, year=year, month=month)
    if state.status in MONTH_CLOSED:
        raise IntakeRefused(_closed_month_message(state, cost_centre.code).capitalize())
    if not Execution.objects.filter(cost_centre=cost_centre, year=year, month=month).exists():
        raise IntakeRefused(
            _(
                "El mes %(month)s del centro de costo «%(code)s» no tiene ejecución registrada; "
                "cárguela antes de enviarlo."
            )
            % {"month": _month_label(year, month), "code": cost_centre.code}
        )
    return _month_state_save(state, status=ExecutionMonth.Status.SUBMITTED, comment=state.comment, user=user)


def _month_review(*, cost_centre, year, month, user, status, comment) -> ExecutionMonth:
    ensure_month_reviewer(user=user)
    state = _month_state_for_update(cost_centre=cost_centre, year=year, month=month)
    allowed_from = {
        ExecutionMonth.Status.APPROVED: (ExecutionMonth.Status.SUBMITTED,),
        ExecutionMonth.Status.RETURNED: MONTH_CLOSED,
    }[status]
    if state.status not in allowed_from:
        raise IntakeRefused(
            _("El mes %(month)s del centro de costo «%(code)s» está «%(status)s»; no se puede %(action)s.")
            % {
                "month": _month_label(year, month),
                "code": cost_centre.code,
                "status": state.get_status_display(),
                "action": _("aprobar") if status == ExecutionMonth.Status.APPROVED else _("devolver"),
            }
        )
    return _month_state_save(state, status=status, comment=comment, user=user)


@transaction.atomic
def execution_month_approve(
    *, cost_centre: CostCentre, year: int, month: int, user, comment: str = ""
) -> ExecutionMonth:
    return _month_review(
        cost_centre=cost_centre,
        year=year,
        month=month,
        user=user,
        status=ExecutionMonth.Status.APPROVED,
        comment=comment.strip(),
    )


@transaction.atomic
def execution_month_return(
    *, cost_centre: CostCentre, year: int, month: int, user, comment: str
) -> ExecutionMonth:
    """Planning returns the month for revision; the comment is mandatory and shown to the officer."""
    if not comment.strip():
        raise IntakeRefused(_("Indique en el comentario qué debe corregir el centro de costo."))
    return _month_review(
        cost_centre=cost_centre,
        year=year,
        month=month,
        user=user,
        status=ExecutionMonth.Status.RETURNED,
        comment=comment.strip(),
    )
