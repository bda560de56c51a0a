"""The budget projection (POM section 8) moves here from ``budget``, keeping its rows and history.

``budget.0003_budgetprojection_to_planning`` renamed the tables to this app's names; this takes the
model over (state only) and moves its content types, so permissions, admin log entries and
anything else pointing at them follow.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ('budgetprojection', 'historicalbudgetprojection')


def _move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model('contenttypes', 'ContentType')
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        # A row for the target exists only if something created it after the move: keep that one.
        if not content_types.filter(app_label=target, model=model).exists():
            content_types.filter(app_label=source, model=model).update(app_label=target)


def content_types_forward(apps, schema_editor):
    _move_content_types(apps, schema_editor, source='budget', target='planning')


def content_types_backward(apps, schema_editor):
    _move_content_types(apps, schema_editor, source='planning', target='budget')


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0003_budgetprojection_to_planning'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('planning', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalBudgetProjection',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='año')),
                        ('amount', models.DecimalField(decimal_places=2, max_digits=16, verbose_name='monto')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.plan', verbose_name='plan')),
                        ('program', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.program', verbose_name='programa')),
                    ],
                    options={
                        'verbose_name': 'historical proyección del presupuesto',
                        'verbose_name_plural': 'historical proyección del presupuesto',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='BudgetProjection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='año')),
                        ('amount', models.DecimalField(decimal_places=2, max_digits=16, verbose_name='monto')),
                        ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_projections', to='planning.plan', verbose_name='plan')),
                        ('program', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='planning.program', verbose_name='programa')),
                    ],
                    options={
                        'verbose_name': 'proyección del presupuesto',
                        'verbose_name_plural': 'proyección del presupuesto',
                        'ordering': ['plan', 'year', 'program__code'],
                        'constraints': [models.UniqueConstraint(fields=('plan', 'program', 'year'), name='budget_projection_unique'), models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='budget_projection_not_negative')],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_forward, content_types_backward),
    ]
