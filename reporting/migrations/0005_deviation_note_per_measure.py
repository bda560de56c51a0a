"""Each measure's deviation explanation is its own note.

Before, one note per subproduct served both its physical and its financial line (the same text in
both boxes). Keeping data: every existing note becomes the physical note and a copy of it the
financial note, so each line still shows the explanation it showed before; a planner may then
tell the two apart. Going back keeps the physical note and drops the financial copies."""

from django.db import migrations, models


def split_notes(apps, schema_editor):
    DeviationNote = apps.get_model("reporting", "DeviationNote")
    notes = list(DeviationNote.objects.filter(measure="physical"))
    DeviationNote.objects.bulk_create(
        DeviationNote(
            subproduct_id=note.subproduct_id,
            year=note.year,
            period=note.period,
            measure="financial",
            text=note.text,
            written_by_id=note.written_by_id,
        )
        for note in notes
    )
    for note in notes:  # written_at is auto_now: the copy keeps the original's date
        DeviationNote.objects.filter(
            subproduct_id=note.subproduct_id, year=note.year, period=note.period, measure="financial"
        ).update(written_at=note.written_at)


def join_notes(apps, schema_editor):
    apps.get_model("reporting", "DeviationNote").objects.filter(measure="financial").delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0004_report_job_documents_of_no_institution")]

    operations = [
        migrations.RemoveConstraint(model_name="deviationnote", name="deviation_note_unique"),
        migrations.AddField(
            model_name="deviationnote",
            name="measure",
            field=models.CharField(
                choices=[("physical", "Física"), ("financial", "Financiera")],
                default="physical",
                max_length=10,
                verbose_name="meta física/financiera",
            ),
            preserve_default=False,
        ),
        migrations.AlterModelOptions(
            name="deviationnote",
            options={
                "ordering": ["year", "period", "subproduct_id", "measure"],
                "verbose_name": "explicación de desviación",
                "verbose_name_plural": "explicaciones de desviación",
            },
        ),
        migrations.AddConstraint(
            model_name="deviationnote",
            constraint=models.UniqueConstraint(
                fields=("subproduct", "year", "period", "measure"), name="deviation_note_measure_unique"
            ),
        ),
        # Rows last: PostgreSQL refuses to alter a table with inserts pending in the same transaction.
        migrations.RunPython(split_notes, join_notes),
    ]
