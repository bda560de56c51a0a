"""Sheets loaded from the POM all carried the code «1» (each MINFIN form numbers its own indicator
1); within a plan whose codes repeat, each sheet takes its place in the document as its code."""

from django.db import migrations
from django.db.models import Count


def number_repeated_codes(apps, schema_editor):
    IndicatorSheet = apps.get_model("indicators", "IndicatorSheet")
    repeated = (
        IndicatorSheet.objects.values("plan_id", "code").annotate(n=Count("id")).filter(n__gt=1).values("plan_id")
    )
    for sheet in IndicatorSheet.objects.filter(plan_id__in=repeated):
        sheet.code = str(sheet.position)
        sheet.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_programmed_denominators")]

    operations = [migrations.RunPython(number_repeated_codes, migrations.RunPython.noop)]
