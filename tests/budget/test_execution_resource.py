"""The django-import-export resource: the template's columns, and its plain row-by-row import."""

from decimal import Decimal

import tablib

from budget.execution_files import (
    HELPER_COLUMNS,
    IMPORT_COLUMNS,
    ExecutionResource,
    template_dataset,
)
from budget.models import Execution
from budget.selectors import execution_template_rows


def test_template_has_the_import_columns_then_the_helper_columns_with_the_current_goal(small_world):
    dataset = template_dataset(
        rows=execution_template_rows(cost_centres=[small_world.central], year=2024, month=3),
        institution=small_world.institution,
    )
    assert dataset.headers == list(IMPORT_COLUMNS + HELPER_COLUMNS)
    assert [tuple(row) for row in dataset] == [
        (
            "CC-01",
            "S01",
            2024,
            3,
            None,
            None,
            "",
            "Oficinas centrales",
            "Pasaportes",
            "Documento",
            12000,
            Decimal("1500000.00"),
        ),
        (
            "CC-01",
            "S02",
            2024,
            3,
            None,
            None,
            "",
            "Oficinas centrales",
            "Visas",
            "Documento",
            800,
            Decimal("90000.00"),
        ),
    ]


def test_plain_import_creates_then_updates_with_a_new_version(small_world):
    resource = ExecutionResource(institution=small_world.institution, user=small_world.planner)
    first = tablib.Dataset(("CC-01", "S01", 2024, 3, 5, "10.50", ""), headers=IMPORT_COLUMNS)
    assert resource.import_data(first, raise_errors=True).totals["new"] == 1
    second = tablib.Dataset(("CC-01", "S01", 2024, 3, 6, "10.50", ""), headers=IMPORT_COLUMNS)
    assert resource.import_data(second, raise_errors=True).totals["update"] == 1
    row = Execution.objects.get(cost_centre=small_world.central)
    assert (row.physical, row.financial, row.version) == (6, Decimal("10.50"), 2)
    assert row.history.first().history_user == small_world.planner
