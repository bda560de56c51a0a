"""The budget projection (POM section 8) belongs to the plan: its model moves to ``planning``.

Only the tables are renamed here; the rows, their ids and their history stay as they are.
``planning.0002_budgetprojection_from_budget`` takes the model over and moves its content types.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('budget', '0002_execution_centre_month_cost_centre_history'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name='BudgetProjection', table='planning_budgetprojection'),
                migrations.AlterModelTable(
                    name='HistoricalBudgetProjection', table='planning_historicalbudgetprojection'
                ),
            ],
            state_operations=[
                migrations.DeleteModel(name='HistoricalBudgetProjection'),
                migrations.DeleteModel(name='BudgetProjection'),
            ],
        ),
    ]
