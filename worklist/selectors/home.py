"""Each role's work queue, for the home page: one function per role, a constant number of queries."""

from __future__ import annotations

from datetime import date

from accounts.models import Role
from worklist.selectors.auditor import auditor_changes_queue
from worklist.selectors.director import director_reports_queue, director_waiting_queue
from worklist.selectors.items import Item, Queue, Worklist
from worklist.selectors.officer import officer_deviation_queue, officer_month_queues
from worklist.selectors.periods import next_deadline
from worklist.selectors.planning import (
    deviations_queue,
    months_to_approve_queue,
    reports_to_send_queue,
    reprogrammings_to_decide_queue,
    requested_reprogrammings_queue,
)

__all__ = ["Item", "Queue", "Worklist", "worklist_for"]


def _deadline_note(today: date) -> str:
    due, label = next_deadline(today)
    return f"Próximo vencimiento: {due:%d/%m/%Y}, informe {label}."


def _planning_queues(user, today: date) -> tuple[Queue, ...]:
    return (
        months_to_approve_queue(user=user),
        deviations_queue(user=user, today=today),
        reports_to_send_queue(user=user, today=today),
        requested_reprogrammings_queue(user=user),
    )


def worklist_for(*, user, today: date) -> Worklist:
    """The user's pending work; empty for roles without a queue (SEGEPLAN, superusers without a
    role, API users), whose home shows the plans."""
    if user.institution_id is None:
        return Worklist()
    if user.role == Role.OFFICER:
        months = officer_month_queues(user=user, today=today)
        queues = (*months, officer_deviation_queue(user=user, today=today))
        return Worklist(queues, (_deadline_note(today),))
    if user.role == Role.PLANNING_LEAD:
        queues = (reprogrammings_to_decide_queue(user=user), *_planning_queues(user, today))
        return Worklist(queues, (_deadline_note(today),))
    if user.role == Role.PLANNER:
        return Worklist(_planning_queues(user, today), (_deadline_note(today),))
    if user.role == Role.DIRECTOR:
        queues = (director_reports_queue(user=user), director_waiting_queue(user=user, today=today))
        return Worklist(queues, (_deadline_note(today),))
    if user.role == Role.AUDITOR:
        return Worklist((auditor_changes_queue(user=user),))
    return Worklist()
