"""Each measure's note became its own: an existing note (one per subproduct, shown in both boxes)
becomes the physical note and a copy of it the financial note, keeping author and date."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reporting.models import DeviationNote
from tests.factories import SubproductFactory, UserFactory

BEFORE = [("reporting", "0004_report_job_documents_of_no_institution")]
AFTER = [("reporting", "0005_deviation_note_per_measure")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_an_existing_note_explains_both_measures_after_the_split():
    subproduct, author = SubproductFactory(), UserFactory(username="autora")
    written = datetime.datetime(2024, 12, 20, 15, 30, tzinfo=datetime.UTC)
    old = _migrate(BEFORE)
    try:
        note = old.get_model("reporting", "DeviationNote").objects.create(
            subproduct_id=subproduct.pk,
            year=2024,
            period=3,
            text="Retraso en compras.",
            written_by_id=author.pk,
        )
        old.get_model("reporting", "DeviationNote").objects.filter(pk=note.pk).update(written_at=written)
        _migrate(AFTER)
        notes = {
            n.measure: n for n in DeviationNote.objects.filter(subproduct=subproduct, year=2024, period=3)
        }
        assert sorted(notes) == ["financial", "physical"]
        assert notes["physical"].pk == note.pk
        for kept in notes.values():
            assert (kept.text, kept.written_by_id, kept.written_at) == (
                "Retraso en compras.",
                author.pk,
                written,
            )
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
