"""Whoever sent a month or a report for approval cannot approve it (``IGM_SEPARATION_OF_DUTIES``)."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from budget.models import ExecutionMonth
from budget.services.months import execution_month_approve, execution_month_submit
from reporting.models import PeriodReport
from reporting.services.workflow import period_report_approve, period_report_submit
from tests.factories import ExecutionFactory


@pytest.fixture
def march(small_world):
    ExecutionFactory(cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3)
    return {"cost_centre": small_world.central, "year": 2024, "month": 3}


def test_the_planner_who_sent_a_month_cannot_approve_it_but_a_colleague_can(small_world, march):
    execution_month_submit(**march, user=small_world.planner)

    with pytest.raises(PermissionDenied, match="Usted envió este mes: otra persona de planificación"):
        execution_month_approve(**march, user=small_world.planner)
    state = execution_month_approve(**march, user=small_world.planning_lead)

    assert (state.status, state.changed_by) == (ExecutionMonth.Status.APPROVED, small_world.planning_lead)


def test_the_month_page_refuses_the_submitter_in_spanish(client, small_world, march):
    execution_month_submit(**march, user=small_world.planner)
    client.force_login(small_world.planner)

    response = client.post(
        f"/ejecucion/centro/{small_world.central.pk}/2024/3/estado/", {"action": "approve", "comment": ""}
    )

    assert response.status_code == 403
    assert "Usted envió este mes" in response.content.decode()
    state = ExecutionMonth.objects.get(cost_centre=small_world.central, year=2024, month=3)
    assert state.status == ExecutionMonth.Status.SUBMITTED


def test_the_setting_turns_the_rule_off(small_world, march, settings):
    settings.IGM_SEPARATION_OF_DUTIES = False
    execution_month_submit(**march, user=small_world.planner)

    assert execution_month_approve(**march, user=small_world.planner).status == ExecutionMonth.Status.APPROVED


def test_whoever_sent_a_report_cannot_approve_it_even_after_becoming_director(igm, igm_user, explained):
    lead = igm_user(Role.PLANNING_LEAD)
    report = period_report_submit(
        institution=igm,
        year=2024,
        period=3,
        user=lead,
        addressee_name="Licenciado Carlos Mendoza Alvarado",
        request_reference="OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo",
    )
    lead.role = Role.DIRECTOR
    lead.save()

    with pytest.raises(PermissionDenied, match="Usted envió este reporte: otra persona debe aprobarlo."):
        period_report_approve(period_report=report, user=lead)
    approved = period_report_approve(period_report=report, user=igm_user(Role.DIRECTOR))

    assert approved.status == PeriodReport.Status.APPROVED
