"""Who is to be reminded of what on a given day, and each person's notices.

A period's reminders go out N days before its report is due (``IGM_REMINDER_DAYS_BEFORE``) and on
every day after the due date until its report is signed: to the officers of cost centres with months
not sent, to planning staff while deviations lack an explanation, and to the director while a report
waits for approval or signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from accounts.models import PLANNING_ROLES, Role, User
from budget.models import CostCentre, ExecutionMonth
from budget.selectors import MONTH_CLOSED
from common.calendar import MONTH_NAMES, PERIOD_MONTHS, period_label
from notices.models import Kind, Notice, SilencedKind
from planning.models import Institution
from planning.selectors.plans import plan_for_year
from reporting.models import PeriodReport
from reporting.selectors.deadlines import period_due_date
from worklist.selectors.planning import unexplained_deviations


@dataclass(frozen=True)
class Reminder:
    recipient: User
    kind: str
    subject_key: str
    subject: str
    body: str
    link: str


@dataclass(frozen=True)
class PeriodDue:
    institution: Institution
    year: int
    period: int
    due: date
    report: PeriodReport | None
    today: date

    @property
    def key(self) -> str:
        return f"{self.institution.code}-{self.year}-{self.period}"

    @property
    def label(self) -> str:
        return f"{period_label(self.period)} {self.year}"

    @property
    def when(self) -> str:
        if self.today > self.due:
            days = (self.today - self.due).days
            return f"venció el {self.due:%d/%m/%Y} (hace {days} día{'s' if days != 1 else ''})"
        return f"vence el {self.due:%d/%m/%Y}"


def periods_to_remind(*, today: date) -> list[PeriodDue]:
    """Periods of last year and this one whose due date is N days away or past, and whose report is
    not signed yet."""
    before = timedelta(days=settings.IGM_REMINDER_DAYS_BEFORE)
    due_periods = [
        (year, period, period_due_date(year=year, period=period))
        for year in (today.year - 1, today.year)
        for period in PERIOD_MONTHS
    ]
    due_periods = [(y, p, due) for y, p, due in due_periods if today > due or due - before == today]
    if not due_periods:
        return []
    reports = {
        (r.institution_id, r.year, r.period): r
        for r in PeriodReport.objects.filter(year__in={y for y, _, _ in due_periods})
    }
    found = []
    for institution in Institution.objects.order_by("code"):
        for year, period, due in due_periods:
            report = reports.get((institution.pk, year, period))
            if report is None or report.status != PeriodReport.Status.SIGNED:
                found.append(PeriodDue(institution, year, period, due, report, today))
    return found


def _site(path: str) -> str:
    return settings.IGM_SITE_URL.rstrip("/") + path


def officer_reminders(due: PeriodDue) -> list[Reminder]:
    """Officers of the active cost centres producing the year's plan with months of the period not
    sent to review (without a state, open or returned)."""
    plan = plan_for_year(institution=due.institution, year=due.year)
    if plan is None:
        return []
    months = PERIOD_MONTHS[due.period]
    centres = list(
        CostCentre.objects.filter(
            institution=due.institution, status=CostCentre.Status.ACTIVE, subproducts__product__plan=plan
        )
        .distinct()
        .prefetch_related("officers")
        .order_by("code")
    )
    sent = set(
        ExecutionMonth.objects.filter(
            cost_centre__in=centres, year=due.year, month__in=months, status__in=MONTH_CLOSED
        ).values_list("cost_centre_id", "month")
    )
    pending: dict[User, list[str]] = {}
    for centre in centres:
        missing = [MONTH_NAMES[m - 1].lower() for m in months if (centre.pk, m) not in sent]
        for officer in centre.officers.all() if missing else ():
            if officer.is_active and officer.institution_id == due.institution.pk:
                pending.setdefault(officer, []).append(f"- {centre.code} {centre.name}: {', '.join(missing)}")
    link = reverse("budget:index") + f"?anio={due.year}"
    return [
        Reminder(
            officer,
            Kind.MONTHS_NOT_SUBMITTED,
            due.key,
            f"Meses sin enviar del cuatrimestre {due.label}",
            f"El informe del cuatrimestre {due.label} {due.when}. Estos meses de sus centros "
            f"de costo no se han enviado a revisión:\n" + "\n".join(lines) + f"\n\nEnvíelos en {_site(link)}",
            link,
        )
        for officer, lines in pending.items()
    ]


def _staff(institution: Institution, roles) -> QuerySet[User]:
    return User.objects.filter(institution=institution, role__in=list(roles), is_active=True).order_by(
        "username"
    )


def planning_reminders(due: PeriodDue) -> list[Reminder]:
    """Planning staff, while deviations of the period's report have no explanation."""
    missing = unexplained_deviations(institution=due.institution, year=due.year, period=due.period)
    if not missing:
        return []
    link = reverse("reporting:period", args=[due.institution.code, due.year, due.period])
    lines = "\n".join(f"- {d.code} {d.name} ({d.measure})" for d in missing)
    count = f"{len(missing)} desviación" if len(missing) == 1 else f"{len(missing)} desviaciones"
    subject = f"{count} sin explicar del cuatrimestre {due.label}"
    body = (
        f"El informe del cuatrimestre {due.label} {due.when}. Estas desviaciones aún "
        f"no tienen explicación:\n{lines}\n\nEscríbalas en {_site(link)}"
    )
    return [
        Reminder(user, Kind.DEVIATIONS_UNEXPLAINED, due.key, subject, body, link)
        for user in _staff(due.institution, PLANNING_ROLES)
    ]


def director_reminders(due: PeriodDue) -> list[Reminder]:
    """The director, while the period's report waits for approval or for the signature."""
    report = due.report
    if report is None or report.status not in (PeriodReport.Status.SUBMITTED, PeriodReport.Status.APPROVED):
        return []
    action = "aprobación" if report.status == PeriodReport.Status.SUBMITTED else "firma"
    link = reverse("reporting:period", args=[due.institution.code, due.year, due.period])
    subject = f"Informe del cuatrimestre {due.label} pendiente de su {action}"
    body = (
        f"El informe cuatrimestral {due.label} de {due.institution.code} {due.when} y espera su "
        f"{action}.\n\nÁbralo en {_site(link)}"
    )
    return [
        Reminder(user, Kind.REPORT_AWAITING_APPROVAL, due.key, subject, body, link)
        for user in _staff(due.institution, (Role.DIRECTOR,))
    ]


def reminders_due(*, today: date) -> list[Reminder]:
    """Every reminder of the day, without those of kinds their recipient silenced."""
    found = []
    for due in periods_to_remind(today=today):
        found += officer_reminders(due) + planning_reminders(due) + director_reminders(due)
    silenced = set(SilencedKind.objects.values_list("user_id", "kind"))
    return [r for r in found if (r.recipient.pk, r.kind) not in silenced]


def notice_list_for_user(*, user) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).order_by("-day", "-id")


def silenced_kinds(*, user) -> set[str]:
    return set(SilencedKind.objects.filter(user=user).values_list("kind", flat=True))
