"""The execution intake: rows already checked are compared with what the database holds and
written in bulk, in one transaction; any error writes nothing. Files, the entry grid and the API
all go through ``intake_run``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.execution_files import ExecutionFileError
from budget.models import Execution, ExecutionMonth
from budget.selectors import MONTH_CLOSED
from budget.services.intake_rows import IntakeErrors, IntakeRowChecker, intake_error, month_label
from common import formats

INTAKE_BATCH = 5000
PREVIEW_SAMPLE = 200


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
    error_count: int = 0  # all the errors found; ``errors`` keeps at most MAX_ERRORS of them

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


def closed_month_message(state: ExecutionMonth, cost_centre_code: str) -> str:
    values = {
        "month": month_label(state.year, state.month),
        "code": cost_centre_code,
        "date": formats.day(state.changed_at),
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


class _Intake(IntakeRowChecker):
    """The row checker that then writes in bulk, after refusing rows of closed months (loaded
    once, like every other lookup)."""

    def closed_month_errors(self, valid: list[tuple], *, lock: bool) -> IntakeErrors:
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
        errors = IntakeErrors()
        for row in valid:
            state = closed.get((row[0], row[2], row[3]))
            if state is not None:
                errors.extend(
                    [intake_error(row[7], "mes", closed_month_message(state, self.centre_codes[row[0]]))]
                )
        return errors

    def compare(self, valid: list[tuple], *, lock: bool) -> tuple[IntakeOutcome, list[tuple], list[tuple]]:
        """Split rows into new, changed and unchanged against what the database holds."""
        existing_rows = Execution.objects.filter(
            cost_centre_id__in={row[0] for row in valid},
            year__in={row[2] for row in valid},
            month__in={row[3] for row in valid},
        ).order_by()
        if lock:
            existing_rows = existing_rows.select_for_update()
        # (id, cost centre, subproduct, year, month, physical, financial, notes, version)
        existing = {
            values[1:5]: values
            for values in existing_rows.values_list(
                "id",
                "cost_centre_id",
                "subproduct_id",
                "year",
                "month",
                "physical",
                "financial",
                "notes",
                "version",
            )
        }
        outcome = IntakeOutcome()
        creates, updates = [], []
        versions = matched = 0
        for row in valid:
            cc, sp, year, month, physical, financial, notes, line = row
            current = existing.get((cc, sp, year, month))
            if current is None:
                creates.append(row)
                action = "created"
                before = (None, None, None)
            else:
                matched += 1
                versions += current[8]
                before = current[5:8]
                if before == (physical, financial, notes):
                    outcome.unchanged += 1
                    action = "unchanged"
                else:
                    updates.append((current[0], physical, financial, notes))
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
        """Insert and update with plain executemany (COPY on PostgreSQL), then copy the rows written
        into their history inside the database.

        The ORM's bulk_create/bulk_update compile every value through the SQL compiler, which
        made a 100,000-row import spend most of its time building SQL; the values here are
        already validated, so they go to the driver as they are.
        """
        if not creates and not updates:
            return
        stamp = connection.ops.adapt_datetimefield_value(timezone.now())
        upload_id = upload.pk if upload is not None else None
        with connection.cursor() as cursor:
            _bulk_insert(
                cursor,
                Execution,
                _EXECUTION_FIELDS[1:],
                (
                    (cc, sp, year, month, physical, financial, notes, False, "", upload_id, 1, stamp)
                    for cc, sp, year, month, physical, financial, notes, _line in creates
                ),
            )
            if updates:
                cursor.executemany(
                    _UPDATE_SQL,
                    [
                        (physical, financial, notes, upload_id, stamp, pk)
                        for pk, physical, financial, notes in updates
                    ],
                )
            if upload is not None:
                # An upload is applied once: the rows that carry it are exactly those written now.
                written = ("source_upload_id = %s", upload_id)
            else:
                written = _ids_condition([update[0] for update in updates] + _created_ids(creates))
            _history_copy(cursor, written, stamp=stamp, reason=reason, user=self.user)


_EXECUTION_FIELDS = [f.attname for f in Execution._meta.concrete_fields]
_UPDATE_SQL = (
    f"UPDATE {Execution._meta.db_table} SET physical = %s, financial = %s, notes = %s, "  # noqa: S608
    "source_upload_id = %s, updated_at = %s, version = version + 1 WHERE id = %s"
)


def _created_ids(creates: list[tuple]) -> list[int]:
    if not creates:
        return []
    keys = {row[:4] for row in creates}
    return [
        pk
        for pk, *key in Execution.objects.filter(
            cost_centre_id__in={key[0] for key in keys},
            year__in={key[2] for key in keys},
            month__in={key[3] for key in keys},
        ).values_list("id", "cost_centre_id", "subproduct_id", "year", "month")
        if tuple(key) in keys
    ]


def _ids_condition(ids: list[int]) -> tuple[str, object]:
    if connection.vendor == "postgresql":
        return "id = ANY(%s::bigint[])", ids
    return "id IN (SELECT value FROM json_each(%s))", json.dumps(ids)


def _history_copy(cursor, written: tuple[str, object], *, stamp, reason: str, user) -> None:
    """One history row per execution row written (``+`` created at version 1, ``~`` changed), copied
    by the database itself from the rows as they now are: one statement, no row through Python.
    ``written`` is the SQL condition that picks those rows and its one parameter."""
    quote = connection.ops.quote_name
    history = Execution.history.model
    columns = [quote(Execution._meta.get_field(name).column) for name in _EXECUTION_FIELDS]
    extra = ["history_type", "history_date", "history_change_reason", "history_user_id"]
    target = ", ".join(columns + [quote(history._meta.get_field(name).column) for name in extra])
    condition, parameter = written
    reason = reason[: history._meta.get_field("history_change_reason").max_length]
    cursor.execute(
        f"INSERT INTO {quote(history._meta.db_table)} ({target}) "  # noqa: S608
        f"SELECT {', '.join(columns)}, CASE WHEN version = 1 THEN '+' ELSE '~' END, %s, %s, %s "
        f"FROM {quote(Execution._meta.db_table)} WHERE {condition}",
        [stamp, reason, getattr(user, "pk", None), parameter],
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


@dataclass
class IntakeChecked:
    """Rows checked, before anything is compared or written: the valid ones, or the outcome that
    refuses them (``refusal``)."""

    intake: _Intake
    valid: list[tuple]
    skipped: int
    refusal: IntakeOutcome | None = None


def intake_check(*, rows, institution, user) -> IntakeChecked:
    """Validate every row against the preloaded lookups; reads the database, writes nothing."""
    intake = _Intake(institution=institution, user=user)
    try:
        valid, errors, skipped = intake.validate(rows)
    except ExecutionFileError as error:
        return IntakeChecked(intake, [], 0, _refusal([intake_error(None, None, str(error))]))
    if not errors and not valid:
        message = _("El archivo no contiene datos de ejecución: todas las filas están vacías.")
        return IntakeChecked(intake, [], skipped, _refusal([intake_error(None, None, message)], skipped))
    if errors:
        return IntakeChecked(intake, [], skipped, _refusal(errors.listed(), skipped, total=errors.total))
    return IntakeChecked(intake, valid, skipped)


def _refusal(errors: list[dict], skipped: int = 0, *, total: int = 0) -> IntakeOutcome:
    return IntakeOutcome(errors=errors, skipped=skipped, error_count=total or len(errors))


def intake_apply(
    *, checked: IntakeChecked, upload=None, reason: str = "", write: bool, expected_fingerprint: str = ""
) -> IntakeOutcome:
    """Compare the checked rows with the database and (``write``) apply them in one transaction;
    any error writes nothing. Inside a caller's transaction it is a savepoint, so the caller can
    record the outcome (an upload's) in the same commit as the rows."""
    if checked.refusal is not None:
        return checked.refusal
    arguments = {"intake": checked.intake, "valid": checked.valid, "skipped": checked.skipped}
    arguments |= {"write": write, "upload": upload, "reason": reason}
    arguments |= {"expected_fingerprint": expected_fingerprint}
    try:
        return _intake_apply(**arguments)
    except IntegrityError:
        # A concurrent import inserted the same rows between our read and our insert: read again
        # and apply them as updates. A second collision is reported, never half-applied.
        try:
            return _intake_apply(**arguments)
        except IntegrityError:
            message = _("Otra carga modificó los mismos meses al mismo tiempo; intente de nuevo.")
            return _refusal([intake_error(None, None, message)])


def intake_run(
    *, rows, institution, user, upload=None, reason: str = "", write: bool, expected_fingerprint: str = ""
) -> IntakeOutcome:
    """Validate every row, then (``write``) apply them in one transaction; any error writes nothing."""
    checked = intake_check(rows=rows, institution=institution, user=user)
    return intake_apply(
        checked=checked, upload=upload, reason=reason, write=write, expected_fingerprint=expected_fingerprint
    )


@transaction.atomic
def _intake_apply(
    *, intake: _Intake, valid, skipped: int, write: bool, upload, reason: str, expected_fingerprint: str
) -> IntakeOutcome:
    errors = intake.closed_month_errors(valid, lock=write)
    if errors:
        transaction.set_rollback(True)
        return _refusal(errors.listed(), skipped, total=errors.total)
    outcome, creates, updates = intake.compare(valid, lock=write)
    outcome.skipped = skipped
    if expected_fingerprint and outcome.fingerprint != expected_fingerprint:
        outcome.stale = True
    elif write:
        intake.write(creates=creates, updates=updates, upload=upload, reason=reason)
    return outcome
