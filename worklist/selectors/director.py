"""The director's queue: reports to approve and to sign, and what planning still owes."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from common.calendar import period_label
from reporting.models import PeriodReport
from reporting.selectors.deadlines import period_due_date
from worklist.selectors.items import Item, Queue
from worklist.selectors.periods import last_ended_period
from worklist.selectors.planning import unexplained_deviations

ACTIONS = {
    PeriodReport.Status.SUBMITTED: "Revisar y aprobar",
    PeriodReport.Status.APPROVED: "Firmar digitalmente",
}


def director_reports_queue(*, user) -> Queue:
    reports = PeriodReport.objects.filter(
        institution_id=user.institution_id, status__in=list(ACTIONS)
    ).select_related("institution")
    items = tuple(
        Item(
            f"{ACTIONS[report.status]}: informe {period_label(report.period)} {report.year}",
            reverse("reporting:period", args=[report.institution.code, report.year, report.period]),
            detail=report.get_status_display(),
        )
        for report in reports.order_by("year", "period")
    )
    return Queue(
        "informes-por-aprobar",
        "Informes por aprobar y firmar",
        items,
        "Ningún informe espera su aprobación ni su firma.",
        ("Ver los informes", reverse("reporting:index")),
    )


def director_waiting_queue(*, user, today: date) -> Queue:
    """While the last ended period's report is in preparation: how many explanations planning owes."""
    year, period = last_ended_period(today)
    institution = user.institution
    report = PeriodReport.objects.filter(institution=institution, year=year, period=period).first()
    items: tuple[Item, ...] = ()
    if report is None or report.status == PeriodReport.Status.DRAFT:
        deviations = unexplained_deviations(institution=institution, year=year, period=period)
        # One explanation per subproduct, whatever the number of its measures outside the band.
        missing = len({d.subproduct_id for d in deviations})
        explanations = "explicación faltante" if missing == 1 else "explicaciones faltantes"
        waiting = (
            f"esperando a planificación: {missing} {explanations}"
            if missing
            else "esperando a que planificación lo envíe"
        )
        due = period_due_date(year=year, period=period)
        late = " · atrasado" if due < today else ""
        items = (
            Item(
                f"Informe {period_label(period)} {year}: En preparación",
                reverse("reporting:period", args=[institution.code, year, period]),
                detail=f"{waiting} · vence el {due:%d/%m/%Y}{late}",
                late=bool(late),
            ),
        )
    return Queue(
        "en-preparacion",
        "Informes en preparación",
        items,
        "El informe del último cuatrimestre ya salió de preparación.",
        ("Ver los informes", reverse("reporting:index") + f"?anio={year}"),
    )
