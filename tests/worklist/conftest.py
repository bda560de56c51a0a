"""The small world on 10 June 2024, with work pending for every role.

The first four-month period of 2024 ended on 30 April and its report was due on 15 May, so it is
late; January to May have ended. Fabiola (CC-02) sent February and March; planning returned
February with a comment; Ana requested a reprogramming of the passports goal.
"""

from datetime import date
from decimal import Decimal

import pytest

from budget.services.months import execution_month_return, execution_month_submit
from planning.services.reprogrammings import reprogramming_request

TODAY = date(2024, 6, 10)
RETURN_COMMENT = "Falta el albergue de Coatepeque en febrero."


@pytest.fixture
def pending(small_world):
    world = small_world
    for month in (2, 3):
        execution_month_submit(cost_centre=world.xela, year=2024, month=month, user=world.xela_officer)
    execution_month_return(
        cost_centre=world.xela, year=2024, month=2, user=world.planner, comment=RETURN_COMMENT
    )
    world.requested = reprogramming_request(
        goal=world.passports_goal,
        measure="physical",
        new_value=Decimal("13000"),
        justification="Demanda mayor por temporada alta.",
        supporting_act="Oficio INP-PL-12-2024",
        effective_date=date(2024, 6, 1),
        user=world.planner,
    )
    return world
