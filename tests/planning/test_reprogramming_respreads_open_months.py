"""A reprogramming of a programmed goal carries the new programming of the months not yet closed:
closed months keep their figures, the months must add up to the new goal, and the reprogramming page
shows old and new side by side."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from planning.models import MonthlyProgramming, Plan
from planning.services.reprogrammings import reprogramming_approve, reprogramming_request
from tests.cast.cycle import cycle_institution, poa_2026_with_s1_spread

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2026, 6, 3)


@pytest.fixture
def goal():
    cycle = cycle_institution()
    poa = poa_2026_with_s1_spread(cycle)  # S1: 100 units a month
    s1 = poa.products.get().subproducts.get(code="S1")
    poa.status, poa.approval_act, poa.approval_date = (
        Plan.Status.APPROVED,
        "Acuerdo 7-2026",
        datetime.date(2026, 1, 9),
    )
    poa.save()
    goal = s1.goals.get()
    goal.users = cycle["users"]
    return goal


def request(goal, **kwargs):
    arguments = {
        "goal": goal,
        "measure": "physical",
        "new_value": 1500,
        "justification": "Más demanda",
        "supporting_act": "Resolución 4-2026",
        "effective_date": JUNE,
        "user": goal.users[Role.PLANNER],
    }
    return reprogramming_request(**{**arguments, **kwargs})


def physical_months(goal) -> list[Decimal]:
    rows = MonthlyProgramming.objects.filter(goal=goal, measure="physical").order_by("month")
    return list(rows.values_list("value", flat=True))


def test_spreading_the_rest_keeps_closed_months_and_applies_on_approval(goal, client):
    reprogramming = request(goal, spread_rest=True)
    # Jan–May keep 500; 1,000 over June–December: 142 × 6 and 148.
    expected = [Decimal(100)] * 5 + [Decimal(142)] * 6 + [Decimal(148)]
    assert reprogramming.new_months == [f"{v:.2f}" for v in expected]
    assert physical_months(goal) == [Decimal(100)] * 12  # nothing changes before the decision
    reprogramming_approve(reprogramming=reprogramming, user=goal.users[Role.PLANNING_LEAD])
    goal.refresh_from_db()
    assert goal.physical_current == 1500 and physical_months(goal) == expected
    client.force_login(goal.users[Role.PLANNER])
    page = client.get(f"/planificacion/reprogramaciones/{reprogramming.pk}/").content.decode()
    assert "Programación mensual: anterior y nueva" in page
    assert '<td>Junio</td><td class="num">100.00</td><td class="num">142.00</td>' in page


def test_typed_open_months_must_add_up_to_the_new_goal(goal):
    months = [None] * 5 + [Decimal(140)] * 7  # 500 + 980 = 1,480, not 1,500
    with pytest.raises(ValidationError, match="suma 1,480 y la meta vigente es 1,500: diferencia -20"):
        request(goal, months=months)
    months[-1] = Decimal(160)
    reprogramming = request(goal, months=months)
    assert reprogramming.new_months[4:6] == ["100.00", "140.00"]


def test_closed_months_cannot_change_and_the_new_programming_is_required(goal):
    with pytest.raises(ValidationError, match="El mes 2 está cerrado y conserva su programación"):
        request(goal, months=[Decimal(100), Decimal(90)] + [Decimal(100)] * 10)
    with pytest.raises(ValidationError, match="La meta está programada por mes"):
        request(goal)
    with pytest.raises(ValidationError, match="ya suman 500, más que la nueva meta 400"):
        request(goal, new_value=400, spread_rest=True)
