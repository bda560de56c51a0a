"""A cost centre's month: its execution saved from the entry grid or the API, and its review
workflow (open → submitted → approved, or returned with a comment)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from budget.models import CostCentre, Execution, ExecutionMonth
from budget.permissions import (
    ensure_execution_writer,
    ensure_month_approver,
    ensure_month_reviewer,
    ensure_month_submitter,
)
from budget.selectors import MONTH_CLOSED, month_entry_labels, month_entry_values
from budget.services.intake import IntakeOutcome, IntakeRefused, closed_month_message, intake_run
from budget.services.intake_rows import month_label
from budget.services.locks import period_ensure_open
from common.versions import ensure_current


def execution_month_save(
    *,
    cost_centre: CostCentre,
    year: int,
    month: int,
    entries: list[dict],
    user,
    reason: str = "",
    read: dict[str, str] | None = None,
) -> IntakeOutcome:
    """The monthly entry form and the REST API: each entry (subproduct code, physical, financial,
    notes) is one row, numbered from 1, validated and written exactly like a file row.

    ``read``: the entry grid's snapshot when the page was read; the grid writes every row, so any
    change stored since refuses the save (``common.versions.StaleEdit``) with what changed."""
    ensure_execution_writer(user=user)
    arguments = {"cost_centre": cost_centre, "year": year, "month": month, "entries": entries, "user": user}
    if read is None:  # the API: no page was read
        return _month_rows_save(**arguments, reason=reason)
    with transaction.atomic():
        stored = Execution.objects.select_for_update().filter(cost_centre=cost_centre, year=year, month=month)
        current = month_entry_values(stored.select_related("subproduct"))
        ensure_current(
            read=read,
            current=current,
            labels=month_entry_labels(set(read) | set(current)),
            history=Execution.history.filter(
                cost_centre_id=cost_centre.id, year=year, month=month
            ).select_related("history_user")[:1],
        )
        return _month_rows_save(**arguments, reason=reason)


def _month_rows_save(*, cost_centre, year, month, entries, user, reason) -> IntakeOutcome:
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
    return intake_run(
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
        raise IntakeRefused(closed_month_message(state, cost_centre.code).capitalize())
    if not Execution.objects.filter(cost_centre=cost_centre, year=year, month=month).exists():
        raise IntakeRefused(
            _(
                "El mes %(month)s del centro de costo «%(code)s» no tiene ejecución registrada; "
                "cárguela antes de enviarlo."
            )
            % {"month": month_label(year, month), "code": cost_centre.code}
        )
    return _month_state_save(state, status=ExecutionMonth.Status.SUBMITTED, comment=state.comment, user=user)


def _month_review(*, cost_centre, year, month, user, status, comment) -> ExecutionMonth:
    ensure_month_reviewer(user=user)
    state = _month_state_for_update(cost_centre=cost_centre, year=year, month=month)
    if status == ExecutionMonth.Status.APPROVED and state.status == ExecutionMonth.Status.SUBMITTED:
        # The last change of a submitted month is its submission: changed_by sent it.
        ensure_month_approver(user=user, submitted_by_id=state.changed_by_id)
    allowed_from = {
        ExecutionMonth.Status.APPROVED: (ExecutionMonth.Status.SUBMITTED,),
        ExecutionMonth.Status.RETURNED: MONTH_CLOSED,
    }[status]
    if state.status not in allowed_from:
        raise IntakeRefused(
            _("El mes %(month)s del centro de costo «%(code)s» está «%(status)s»; no se puede %(action)s.")
            % {
                "month": month_label(year, month),
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
