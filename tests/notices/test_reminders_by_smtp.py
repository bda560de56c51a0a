"""Reminders go through a real SMTP server: who receives what, and never twice on one day.

The first period of 2024 (January-April) is due on 15 May 2024; with the default of five days the
first reminder goes on 10 May, then on every day after the 15th.
"""

from datetime import date

from budget.services.months import execution_month_submit
from notices.models import Kind, Notice
from notices.services import notice_kind_silence, reminders_send
from reporting.models import PeriodReport

FIVE_DAYS_BEFORE = date(2024, 5, 10)
ONE_DAY_LATE = date(2024, 5, 16)


def _subject(message) -> str:
    """The decoded subject; a folded encoded header unfolds with a leading space."""
    return " ".join(str(message["Subject"]).split())


def _inp(address: str) -> bool:
    return address.endswith("@inp.test")


def test_five_days_before_officers_and_planning_are_reminded_once(world_with_addresses, smtp_inbox):
    world = world_with_addresses
    run = reminders_send(day=FIVE_DAYS_BEFORE)
    received = smtp_inbox.by_recipient()
    # Every INP officer (no month of the period was sent) and both planning staff (six deviations
    # unexplained: S01, S02 and S03 in both measures). No report was sent: nothing for the director.
    assert set(received) == {
        "inp-encargado-central@inp.test",
        "inp-encargada-xela@inp.test",
        "inp-encargado-peten@inp.test",
        "inp-planificadora@inp.test",
        "inp-jefa@inp.test",
    }
    assert all(len(messages) == 1 for messages in received.values())
    (xela,) = received["inp-encargada-xela@inp.test"]
    assert _subject(xela) == "Meses sin enviar del cuatrimestre enero - abril 2024"
    assert xela["From"] == "IGM Plan <avisos@inp.test>"
    body = xela.get_content()
    assert "El informe del cuatrimestre enero - abril 2024 vence el 15/05/2024." in body
    assert "- CC-02 Delegación Quetzaltenango: enero, febrero, marzo, abril" in body
    assert "https://plan.inp.test/ejecucion/?anio=2024" in body
    (planner,) = received["inp-planificadora@inp.test"]
    assert _subject(planner) == "6 desviaciones sin explicar del cuatrimestre enero - abril 2024"
    assert "https://plan.inp.test/reportes/INP/2024/1/" in planner.get_content()
    # The neighbour's people have no address: notices in the app only.
    vecinos = Notice.objects.filter(recipient__institution=world.neighbour.institution)
    assert vecinos.exists() and all(n.emailed_at is None for n in vecinos)
    assert run.emailed == 5

    # The same day again: nothing recorded, nothing sent.
    again = reminders_send(day=FIVE_DAYS_BEFORE)
    assert again.new == () and again.emailed == 0
    assert len(smtp_inbox.messages) == 5
    # Four days before: no reminder is due.
    assert reminders_send(day=date(2024, 5, 11)).new == ()
    assert len(smtp_inbox.messages) == 5


def test_late_days_remind_what_is_still_pending_and_the_director(world_with_addresses, smtp_inbox):
    world = world_with_addresses
    for month in (1, 2, 3, 4):
        execution_month_submit(cost_centre=world.xela, year=2024, month=month, user=world.xela_officer)
    PeriodReport.objects.create(
        institution=world.institution, year=2024, period=1, status=PeriodReport.Status.SUBMITTED
    )
    notice_kind_silence(user=world.peten_officer, kind=Kind.MONTHS_NOT_SUBMITTED, silenced=True)
    reminders_send(day=ONE_DAY_LATE)
    received = smtp_inbox.by_recipient()
    # Fabiola sent her months; Gerardo silenced the kind; the report was sent, so planning's
    # explanations are closed and the director is asked to approve.
    assert {address for address in received if _inp(address)} == {
        "inp-encargado-central@inp.test",
        "inp-director@inp.test",
    }
    (director,) = received["inp-director@inp.test"]
    assert _subject(director) == "Informe del cuatrimestre enero - abril 2024 pendiente de su aprobación"
    assert "venció el 15/05/2024 (hace 1 día)" in director.get_content()
    (central,) = received["inp-encargado-central@inp.test"]
    assert "- CC-01 Oficinas centrales: enero, febrero, marzo, abril" in central.get_content()
    assert not Notice.objects.filter(recipient=world.peten_officer).exists()
    # The next late day the reminders go again, once.
    reminders_send(day=date(2024, 5, 17))
    reminders_send(day=date(2024, 5, 17))
    assert len(smtp_inbox.by_recipient()["inp-director@inp.test"]) == 2
