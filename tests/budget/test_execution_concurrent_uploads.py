"""Two uploads of the same cost centre and month at the same moment: one row, no lost update."""

import threading

import pytest
from django.db import connection

from budget.models import Execution
from budget.services.uploads import execution_file_import
from tests.execution_files import xlsx_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_uploads_of_one_month_neither_duplicate_nor_lose_updates(small_world):
    if connection.vendor != "postgresql":
        pytest.skip("Necesita PostgreSQL: SQLite serializa toda escritura y no tiene SELECT … FOR UPDATE.")
    start = threading.Barrier(2)
    outcomes = []

    def upload(physical: int, user) -> None:
        try:
            start.wait()
            _upload, outcome = execution_file_import(
                content=xlsx_bytes([("CC-01", "S01", 2024, 3, physical, 10, "")]),
                name=f"marzo-{physical}.xlsx",
                user=user,
                institution=small_world.institution,
            )
            outcomes.append(outcome)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=upload, args=(111, small_world.officer)),
        threading.Thread(target=upload, args=(222, small_world.planner)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [outcome.errors for outcome in outcomes] == [[], []]
    assert sorted((o.created, o.updated) for o in outcomes) == [(0, 1), (1, 0)]
    row = Execution.objects.get(
        cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3
    )
    history = list(row.history.order_by("history_id").values_list("physical", "version", "history_type"))
    # The second writer saw the first one's row and updated it: version 2, both changes recorded.
    assert row.version == 2
    assert [entry[1:] for entry in history] == [(1, "+"), (2, "~")]
    assert row.physical == history[-1][0]
