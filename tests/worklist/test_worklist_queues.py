"""Each role's work queue on 10 June 2024 in the small world (tests/worklist/conftest.py)."""

from django.urls import reverse

from accounts.models import Role
from reporting.models import DeviationNote, PeriodReport
from tests.worklist.conftest import RETURN_COMMENT, TODAY
from worklist.selectors import worklist_for


def _queues(user):
    return {queue.key: queue for queue in worklist_for(user=user, today=TODAY).queues}


def _links(queue) -> list[str]:
    return [item.url for item in queue.items]


def _month(centre, month) -> str:
    return reverse("budget:month", args=[centre.pk, 2024, month])


def test_officer_sees_months_to_enter_to_submit_and_returned(pending):
    xela = _queues(pending.xela_officer)
    # CC-02 reported every month; February came back, March waits for planning.
    assert _links(xela["devueltos"]) == [_month(pending.xela, 2)]
    assert xela["devueltos"].items[0].detail == RETURN_COMMENT
    assert _links(xela["por-enviar"]) == [_month(pending.xela, m) for m in (1, 4, 5)]
    assert xela["por-capturar"].items == ()
    assert xela["por-capturar"].empty == "Todos los meses cerrados tienen cifras."
    # CC-01 executed nothing: January to May (June has not ended) are to enter.
    central = _queues(pending.officer)
    assert _links(central["por-capturar"]) == [_month(pending.central, m) for m in range(1, 6)]
    assert central["devueltos"].items == ()


def test_officer_sees_the_deviations_of_their_own_subproducts_until_explained(pending):
    # January-April 2024, expected a third of the goal, band 70-110 %: S01 Pasaportes executed
    # nothing (0 %), S03 shelters 220 of 366.67 people (60 %), S04 4 of 4 reports (100 %).
    link = reverse("reporting:officer_deviations") + "?anio=2024&cuatrimestre=1"
    queue = _queues(pending.xela_officer)["desviaciones"]
    assert {item.text.split()[0] for item in queue.items} == {"S01", "S03"}
    assert set(_links(queue)) == {link}
    # Each measure has its own explanation: S03 leaves the queue once both are written.
    for measure in ("physical", "financial"):
        DeviationNote.objects.create(
            subproduct=pending.shelters,
            year=2024,
            period=1,
            measure=measure,
            text="Albergue cerrado por obras.",
            written_by=pending.xela_officer,
        )
    assert {item.text.split()[0] for item in _queues(pending.xela_officer)["desviaciones"].items} == {"S01"}


def test_planner_sees_months_to_approve_deviations_reports_and_own_reprogrammings(pending):
    queues = _queues(pending.planner)
    assert _links(queues["meses-por-aprobar"]) == [_month(pending.xela, 3)]
    period_page = reverse("reporting:period", args=["INP", 2024, 1])
    # S01 and S02 (nothing executed) and S03, each in both measures: one line per subproduct.
    deviations = queues["desviaciones-sin-explicar"].items
    assert [item.text.split()[0] for item in deviations] == ["S01", "S02", "S03"]
    assert deviations[2].detail == "Física: 60.00 % de lo esperado · Financiera: 55.11 % de lo esperado"
    assert {item.url for item in deviations} == {period_page}
    (report,) = queues["informes-por-enviar"].items
    assert report.url == period_page
    assert report.detail == "Vence el 15/05/2024 · atrasado" and report.late
    assert _links(queues["reprogramaciones-solicitadas"]) == [
        reverse("planning:reprogramming_detail", args=[pending.requested.pk])
    ]
    # The lead requested nothing: their own queue is empty, the decisions are theirs.
    lead = _queues(pending.planning_lead)
    assert lead["reprogramaciones-solicitadas"].items == ()
    assert _links(lead["reprogramaciones-por-aprobar"]) == _links(queues["reprogramaciones-solicitadas"])
    assert "solicitada por Ana Planificadora" in lead["reprogramaciones-por-aprobar"].items[0].detail


def test_director_waits_for_planning_then_approves_and_signs(pending):
    director = pending.director
    (waiting,) = _queues(director)["en-preparacion"].items
    assert waiting.text == "Informe enero - abril 2024: En preparación"
    assert (
        waiting.detail
        == "esperando a planificación: 3 explicaciones faltantes · vence el 15/05/2024 · atrasado"
    )
    assert _queues(director)["informes-por-aprobar"].items == ()

    report = PeriodReport.objects.create(
        institution=pending.institution, year=2024, period=1, status=PeriodReport.Status.SUBMITTED
    )
    queues = _queues(director)
    assert queues["en-preparacion"].items == ()
    (to_approve,) = queues["informes-por-aprobar"].items
    assert to_approve.text == "Revisar y aprobar: informe enero - abril 2024"
    assert to_approve.url == reverse("reporting:period", args=["INP", 2024, 1])
    # Sent: no longer planning's to send.
    assert _queues(pending.planner)["informes-por-enviar"].items == ()
    report.status = PeriodReport.Status.APPROVED
    report.save()
    assert _queues(director)["informes-por-aprobar"].items[0].text.startswith("Firmar digitalmente")


def test_auditor_sees_the_latest_changes_newest_first(pending):
    (queue,) = worklist_for(user=pending.auditor, today=TODAY).queues
    texts = [item.text for item in queue.items]
    # The last three changes: the reprogramming request, February returned, March sent.
    assert texts[:3] == [
        f"Reprogramación n.º {pending.requested.pk} (Solicitada)",
        "CC-02 Febrero 2024: Devuelto para revisión",
        "CC-02 Marzo 2024: Enviado",
    ]
    assert queue.items[1].url == _month(pending.xela, 2)
    assert queue.items[1].detail.startswith("Ana Planificadora modificó el ")
    # Nothing of the neighbour institution.
    assert all("VC-01" not in text for text in texts)


def test_neighbour_and_segeplan_see_nothing_of_the_small_institution(pending):
    neighbour = _queues(pending.neighbour.planner)
    assert neighbour["meses-por-aprobar"].items == ()
    assert neighbour["reprogramaciones-solicitadas"].items == ()
    assert worklist_for(user=pending.user(Role.SEGEPLAN), today=TODAY).queues == ()


def test_each_home_takes_the_same_queries_however_much_is_pending(pending, django_assert_max_num_queries):
    users = [pending.officer, pending.xela_officer, pending.planner, pending.planning_lead]
    users += [pending.director, pending.auditor]
    for user in users:
        with django_assert_max_num_queries(22):
            worklist_for(user=user, today=TODAY)


def test_every_queue_offers_a_next_step_even_when_empty(small_world):
    users = [small_world.officer, small_world.planner, small_world.planning_lead, small_world.director]
    for user in [*users, small_world.auditor]:
        for queue in worklist_for(user=user, today=TODAY).queues:
            assert queue.empty and queue.next_step, (user, queue.key)
            label, url = queue.next_step
            assert label and url.startswith("/"), (user, queue.key)
