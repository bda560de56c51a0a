"""Each measure's note became its own: an existing note (one per subproduct, shown in both boxes)
becomes the physical note and a copy of it the financial note, keeping author and date."""

import datetime

import pytest

from reporting.models import DeviationNote
from tests.factories import SubproductFactory, UserFactory
from tests.migrations import migrate_to, migrate_to_latest

BEFORE = [("reporting", "0004_report_job_documents_of_no_institution")]
AFTER = [("reporting", "0005_deviation_note_per_measure")]


@pytest.mark.django_db(transaction=True)
def test_an_existing_note_explains_both_measures_after_the_split():
    subproduct, author = SubproductFactory(), UserFactory(username="autora")
    written = datetime.datetime(2024, 12, 20, 15, 30, tzinfo=datetime.UTC)
    old = migrate_to(BEFORE)
    try:
        note = old.get_model("reporting", "DeviationNote").objects.create(
            subproduct_id=subproduct.pk,
            year=2024,
            period=3,
            text="Retraso en compras.",
            written_by_id=author.pk,
        )
        old.get_model("reporting", "DeviationNote").objects.filter(pk=note.pk).update(written_at=written)
        migrate_to(AFTER)
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
        migrate_to_latest()
