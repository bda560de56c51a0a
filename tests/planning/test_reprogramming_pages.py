"""The request and decision pages: refusals are shown in Spanish on the form, nothing is lost."""

import re

import pytest
from django.urls import reverse

from planning.models import Goal, Reprogramming
from planning.services.goals import goal_update
from planning.services.reprogrammings import reprogramming_approve, reprogramming_request
from reporting.models import PeriodReport


@pytest.fixture
def pending(small_world):
    """A request on the approved POA 2024's goal for visas (800 / Q 90,000.00)."""
    return reprogramming_request(
        goal=small_world.visas_goal,
        measure="physical",
        new_value="1300",
        justification="Apertura de delegación",
        supporting_act="Resolución SP-20-2024",
        effective_date="2024-07-01",
        user=small_world.planner,
    )


def test_rejecting_without_a_reason_is_explained_then_recorded(client, small_world, pending):
    client.force_login(small_world.planning_lead)
    url = reverse("planning:reprogramming_detail", args=[pending.pk])

    page = client.post(url, {"decision": "reject", "decision_comment": ""}).content.decode()
    assert "Explique el motivo del rechazo." in page

    response = client.post(url, {"decision": "reject", "decision_comment": "Sin presupuesto"})
    assert response.url == reverse("planning:goal_detail", args=[pending.goal_id])
    pending.refresh_from_db()
    assert pending.status == Reprogramming.Status.REJECTED


def test_request_on_a_draft_plan_points_to_direct_editing(client, small_world):
    client.force_login(small_world.planner)

    page = client.get(reverse("planning:goal_detail", args=[small_world.extension_2026.pk])).content.decode()

    assert "Solicitar reprogramación" not in page
    assert "la meta se edita directamente" in page


def test_duplicate_request_is_refused_on_the_form_keeping_the_input(client, small_world, pending):
    client.force_login(small_world.planner)
    data = {
        "measure": "physical",
        "new_value": "1400",
        "effective_date": "2024-07-02",
        "supporting_act": "Resolución SP-21-2024",
        "justification": "Otra",
    }

    page = client.post(reverse("planning:goal_detail", args=[pending.goal_id]), data).content.decode()

    assert "Ya hay una reprogramación pendiente de la meta física" in page
    assert 'value="Resolución SP-21-2024"' in page
    assert pending.goal.reprogrammings.count() == 1


def test_stale_request_cannot_be_approved_from_the_page(client, small_world, pending):
    # A previous request approved in between moved the current value.
    goal = pending.goal
    Reprogramming.objects.filter(pk=pending.pk).update(old_value="999.00")
    client.force_login(small_world.planning_lead)

    page = client.post(
        reverse("planning:reprogramming_detail", args=[pending.pk]), {"decision": "approve"}
    ).content.decode()

    assert "partía de una meta vigente de 999.00, pero hoy es 800.00" in page
    goal.refresh_from_db()
    assert goal.physical_current == 800


def test_goal_of_draft_plan_history_lists_direct_edits(client, small_world):
    draft_goal = small_world.extension_2026
    goal_update(goal=draft_goal, user=small_world.planner, physical_initial=800)
    client.force_login(small_world.planner)

    page = client.get(reverse("planning:goal_detail", args=[draft_goal.pk])).content.decode()

    assert "Edición directa de la meta" in page
    assert "Ana Planificadora" in page


def _goal_row(page: str, year: int) -> list[str]:
    row = re.search(rf"<tr><td>{year}</td>(.*?)</tr>", page, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_goals_table_shows_what_reprogrammings_changed_in_each_unit(client, small_world, pending):
    """800 documents reprogrammed to 1,300: the physical column says +500 documents, the financial
    one (not reprogrammed) Q 0.00 — amounts, never a count of requests between two amounts."""
    reprogramming_approve(reprogramming=pending, user=small_world.planning_lead, comment="Procede")
    client.force_login(small_world.planner)
    page = client.get(reverse("planning:subproduct_detail", args=[small_world.visas.pk])).content.decode()
    assert _goal_row(page, 2024)[:6] == ["800", "500", "1,300", "Q 90,000.00", "Q 0.00", "Q 90,000.00"]


def test_approval_names_the_period_reports_it_changes(client, small_world, pending):
    """From July 2024: the reports of May–August and September–December 2024 change, until one is
    approved (its figures are then fixed)."""
    client.force_login(small_world.planning_lead)
    url = reverse("planning:reprogramming_detail", args=[pending.pk])
    page = client.get(url).content.decode()
    assert "Reporte SIPLAN C2 2024 (mayo - agosto)" in page
    assert "Reporte SIPLAN C3 2024 (septiembre - diciembre)" in page
    assert "C1 2024" not in page

    PeriodReport.objects.create(
        institution=small_world.institution, year=2024, period=3, status=PeriodReport.Status.APPROVED
    )
    page = client.get(url).content.decode()
    assert "C2 2024" in page and "C3 2024" not in page


def test_a_request_read_before_the_goal_changed_is_refused_with_the_change(client, small_world, pending):
    client.force_login(small_world.planner)
    url = reverse("planning:goal_detail", args=[pending.goal_id])
    version = re.search(r'name="read_version" value="([^"]*)"', client.get(url).content.decode()).group(1)
    goal = Goal.objects.get(pk=pending.goal_id)
    Goal.objects.filter(pk=goal.pk).update(physical_current=goal.physical_current + 5)
    data = {
        "measure": "financial",
        "new_value": "1400",
        "effective_date": "2024-07-02",
        "supporting_act": "Resolución SP-22-2024",
        "justification": "Ajuste",
        "read_version": version,
    }
    page = client.post(url, data).content.decode()
    assert f"Meta física vigente: {goal.physical_current:,} → {goal.physical_current + 5:,}" in page
    assert 'value="Resolución SP-22-2024"' in page
    assert pending.goal.reprogrammings.count() == 1
