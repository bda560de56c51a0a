"""Planning staff's queue: months to approve, deviations to explain, reports to send,
reprogrammings requested; the planning lead's reprogrammings to decide."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse

from budget.models import ExecutionMonth
from common.calendar import MONTH_NAMES, period_label
from common.formats import percent, quetzales, units
from planning.models import Reprogramming
from reporting.models import PeriodReport
from reporting.selectors.deadlines import period_due_date
from reporting.selectors.deviations import deviation_notes, deviation_notes_open, report_deviations
from reporting.selectors.documents import period_report_states
from reporting.selectors.siplan import ReportUnavailable, siplan_report
from worklist.selectors.items import Item, Queue
from worklist.selectors.periods import last_ended_period

NOT_SENT = (None, PeriodReport.Status.DRAFT)


def _period_link(institution, year: int, period: int) -> str:
    return reverse("reporting:period", args=[institution.code, year, period])


def unexplained_deviations(*, institution, year: int, period: int) -> list:
    """Deviations of a period's report without explanation while explanations may be written."""
    period_report = period_report_states(institution=institution, year=year).get(period)
    if not deviation_notes_open(period_report=period_report):
        return []
    try:
        report = siplan_report(institution=institution, year=year, period=period)
    except ReportUnavailable:
        return []
    notes = deviation_notes(institution=institution, year=year, period=period)
    return [d for d in report_deviations(report=report, notes=notes) if not d.text.strip()]


def months_to_approve_queue(*, user) -> Queue:
    months = (
        ExecutionMonth.objects.filter(
            cost_centre__institution_id=user.institution_id, status=ExecutionMonth.Status.SUBMITTED
        )
        .select_related("cost_centre", "changed_by")
        .order_by("year", "month", "cost_centre__code")
    )
    items = tuple(
        Item(
            f"{m.cost_centre.code} {m.cost_centre.name} · {MONTH_NAMES[m.month - 1]} {m.year}",
            reverse("budget:month", args=[m.cost_centre_id, m.year, m.month]),
            detail=f"Enviado por {m.changed_by}" if m.changed_by else "",
        )
        for m in months
    )
    return Queue(
        "meses-por-aprobar",
        "Meses enviados, por aprobar",
        items,
        "Ningún centro de costo espera aprobación.",
        ("Ver la ejecución mensual", reverse("budget:index")),
    )


def deviations_queue(*, user, today: date) -> Queue:
    year, period = last_ended_period(today)
    institution = user.institution
    link = _period_link(institution, year, period)
    # One explanation per subproduct: its measures outside the band go on one line.
    by_subproduct: dict[str, list[str]] = {}
    for d in unexplained_deviations(institution=institution, year=year, period=period):
        by_subproduct.setdefault(f"{d.code} {d.name}", []).append(
            f"{d.measure}: {percent(d.progress_pct)} de lo esperado"
        )
    items = tuple(Item(name, link, detail=" · ".join(lines)) for name, lines in by_subproduct.items())
    return Queue(
        "desviaciones-sin-explicar",
        f"Desviaciones sin explicar ({period_label(period)} {year})",
        items,
        "Todas las desviaciones del cuatrimestre tienen explicación.",
        ("Ver el informe del cuatrimestre", link),
    )


def reports_to_send_queue(*, user, today: date) -> Queue:
    """Ended periods whose report is not sent yet, with the due date (late ones say so)."""
    year, last_period = last_ended_period(today)
    institution = user.institution
    reports = period_report_states(institution=institution, year=year)
    items = []
    for period in range(1, last_period + 1):
        report = reports.get(period)
        if (report.status if report else None) not in NOT_SENT:
            continue
        due = period_due_date(year=year, period=period)
        late = due < today
        items.append(
            Item(
                f"Informe {period_label(period)} {year}",
                _period_link(institution, year, period),
                detail=f"Vence el {due:%d/%m/%Y}" + (" · atrasado" if late else ""),
                late=late,
            )
        )
    return Queue(
        "informes-por-enviar",
        "Informes cuatrimestrales por enviar",
        tuple(items),
        "Los informes de los cuatrimestres cerrados ya fueron enviados.",
        ("Ver los informes", reverse("reporting:index") + f"?anio={year}"),
    )


def _institution_reprogrammings(institution_id: int):
    return Reprogramming.objects.filter(
        Q(goal__subproduct__product__plan__institution_id=institution_id)
        | Q(goal__product__plan__institution_id=institution_id)
    ).select_related("goal__subproduct", "goal__product", "requested_by")


def _reprogramming_item(reprogramming: Reprogramming, *, who: bool) -> Item:
    goal = reprogramming.goal
    owner = goal.subproduct or goal.product
    fmt = quetzales if reprogramming.measure == "financial" else units
    change = f"{fmt(reprogramming.old_value)} → {fmt(reprogramming.new_value)}"
    detail = f"{reprogramming.get_measure_display()}: {change}"
    if who and reprogramming.requested_by:
        detail += f" · solicitada por {reprogramming.requested_by}"
    return Item(
        f"Reprogramación n.º {reprogramming.pk}: {owner.code} {owner.name} ({goal.year})",
        reverse("planning:reprogramming_detail", args=[reprogramming.pk]),
        detail=detail,
    )


def requested_reprogrammings_queue(*, user) -> Queue:
    pending = _institution_reprogrammings(user.institution_id).filter(
        requested_by=user, status=Reprogramming.Status.REQUESTED
    )
    return Queue(
        "reprogramaciones-solicitadas",
        "Reprogramaciones que solicitó, pendientes de la jefatura",
        tuple(_reprogramming_item(r, who=False) for r in pending.order_by("requested_at", "id")),
        "No tiene reprogramaciones pendientes.",
        ("Nueva reprogramación", reverse("planning:reprogramming_new")),
    )


def reprogrammings_to_decide_queue(*, user) -> Queue:
    pending = _institution_reprogrammings(user.institution_id).filter(status=Reprogramming.Status.REQUESTED)
    return Queue(
        "reprogramaciones-por-aprobar",
        "Reprogramaciones por aprobar",
        tuple(_reprogramming_item(r, who=True) for r in pending.order_by("requested_at", "id")),
        "Ninguna reprogramación espera su decisión.",
        ("Ver las reprogramaciones", reverse("planning:reprogramming_index")),
    )
