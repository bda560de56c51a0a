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


def _month_link(centre: CostCentre, year: int, month: int) -> str:
    return reverse("budget:month", args=[centre.pk, year, month])


def officer_month_queues(*, user, today: date) -> tuple[Queue, Queue, Queue]:
    """The ended months of the officer's centres not yet sent: without figures (to enter), with
    figures (to submit), and returned by planning with its comment. Three queries."""
    year, months = ended_months(today)
    centres = list(
        CostCentre.objects.filter(
            officers=user, institution_id=user.institution_id, status=CostCentre.Status.ACTIVE
        ).order_by("code")
    )
    states = {
        (state.cost_centre_id, state.month): state
        for state in ExecutionMonth.objects.filter(cost_centre__in=centres, year=year, month__in=months)
    }
    reported = set(
        Execution.objects.filter(cost_centre__in=centres, year=year, month__in=months)
        .values_list("cost_centre_id", "month")
        .distinct()
    )
    to_enter, to_submit, returned = [], [], []
    for centre in centres:
        for month in months:
            state = states.get((centre.pk, month))
            label = f"{centre.code} {centre.name} · {MONTH_NAMES[month - 1]} {year}"
            link = _month_link(centre, year, month)
            if state is not None and state.status == ExecutionMonth.Status.RETURNED:
                returned.append(Item(label, link, detail=state.comment))
            elif state is not None and state.status != ExecutionMonth.Status.OPEN:
                continue
            elif (centre.pk, month) in reported:
                to_submit.append(Item(label, link, detail="Tiene cifras; falta enviarlo a revisión."))
            else:
                to_enter.append(Item(label, link, detail="Sin cifras: cargue la plantilla o capture el mes."))
    execution = ("Ir a la ejecución mensual", reverse("budget:index"))
    return (
        Queue("devueltos", "Meses devueltos por planificación", tuple(returned), "Ningún mes devuelto."),
        Queue(
            "por-capturar",
            "Meses por capturar",
            tuple(to_enter),
            "Todos los meses cerrados tienen cifras.",
            execution,
        ),
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
            if not subproduct.text.strip():
                measures = ", ".join(line.measure for line in subproduct.lines)
                items.append(Item(f"{subproduct.code} {subproduct.name}", link, detail=measures))
    return Queue(
        "desviaciones",
        f"Desviaciones por explicar ({period_label(period)} {year})",
        tuple(items),
        "No hay desviaciones sin explicar en sus subproductos.",
        ("Ver las desviaciones", link),
    )
