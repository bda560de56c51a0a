"""A cost-centre officer's queue: months to enter, to submit, returned, deviations to explain."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from budget.models import CostCentre, Execution, ExecutionMonth
from common.calendar import MONTH_NAMES, period_label
from reporting.selectors.deviations import deviation_notes_open
from reporting.selectors.documents import period_report_for
from reporting.selectors.officers import officer_deviations
from reporting.selectors.siplan import ReportUnavailable
from worklist.selectors.items import Item, Queue
from worklist.selectors.periods import ended_months, last_ended_period

ALL_ENTERED = "Todos los meses cerrados tienen cifras."


def _month_label(centre: CostCentre, year: int, month: int) -> str:
    return f"{centre.code} {centre.name} · {MONTH_NAMES[month - 1]} {year}"


def _month_link(state: ExecutionMonth) -> str:
    return reverse("budget:month", args=[state.cost_centre_id, state.year, state.month])


def officer_month_queues(*, user, today: date) -> tuple[Queue, Queue, Queue]:
    """Months of the officer's centres not yet sent: returned by planning with its comment (any
    year: it stays pending until sent again), and the ended months without figures (to enter) or
    with figures (to submit). Four queries."""
    year, months = ended_months(today)
    centres = list(
        CostCentre.objects.filter(
            officers=user, institution_id=user.institution_id, status=CostCentre.Status.ACTIVE
        ).order_by("code")
    )
    returned = [
        Item(
            _month_label(state.cost_centre, state.year, state.month), _month_link(state), detail=state.comment
        )
        for state in ExecutionMonth.objects.filter(
            cost_centre__in=centres, status=ExecutionMonth.Status.RETURNED
        )
        .select_related("cost_centre")
        .order_by("year", "month", "cost_centre__code")
    ]
    sent = set(
        ExecutionMonth.objects.filter(cost_centre__in=centres, year=year, month__in=months)
        .exclude(status=ExecutionMonth.Status.OPEN)
        .values_list("cost_centre_id", "month")
    )
    reported = set(
        Execution.objects.filter(cost_centre__in=centres, year=year, month__in=months)
        .values_list("cost_centre_id", "month")
        .distinct()
    )
    to_enter, to_submit = [], []
    for centre in centres:
        for month in months:
            if (centre.pk, month) in sent:
                continue
            link = reverse("budget:month", args=[centre.pk, year, month])
            if (centre.pk, month) in reported:
                to_submit.append(Item(_month_label(centre, year, month), link))
            else:
                to_enter.append(Item(_month_label(centre, year, month), link))
    execution = ("Ir a la ejecución mensual", reverse("budget:index"))
    return (
        Queue(
            "devueltos",
            "Meses devueltos por planificación",
            tuple(returned),
            "Ningún mes devuelto.",
            execution,
        ),
        Queue("por-capturar", "Meses por capturar", tuple(to_enter), ALL_ENTERED, execution),
        Queue(
            "por-enviar",
            "Meses por enviar a revisión",
            tuple(to_submit),
            "No tiene meses por enviar.",
            execution,
        ),
    )


def officer_deviation_queue(*, user, today: date) -> Queue:
    """Deviations of the officer's subproducts still without explanation, while the report of the
    last ended period is in preparation."""
    year, period = last_ended_period(today)
    link = reverse("reporting:officer_deviations") + f"?anio={year}&cuatrimestre={period}"
    items: list[Item] = []
    institution = user.institution
    period_report = period_report_for(institution=institution, year=year, period=period)
    if deviation_notes_open(period_report=period_report):
        try:
            deviations = officer_deviations(user=user, year=year, period=period)
        except ReportUnavailable:
            deviations = None
        for subproduct in deviations.subproducts if deviations else ():
            unexplained = [line.measure for line in subproduct.lines if not line.text.strip()]
            if unexplained:  # each measure has its own explanation
                items.append(
                    Item(f"{subproduct.code} {subproduct.name}", link, detail=", ".join(unexplained))
                )
    return Queue(
        "desviaciones",
        f"Desviaciones por explicar ({period_label(period)} {year})",
        tuple(items),
        "No hay desviaciones sin explicar en sus subproductos.",
        ("Ver las desviaciones", link),
    )
