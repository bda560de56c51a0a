# The monthly activity report's models moved to the monitoring app; their rows stay where they
# are: the tables are renamed to monitoring's names and monitoring.0001 takes over the state.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0002_activity_report'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name='achievement', table='monitoring_achievement'),
                migrations.AlterModelTable(name='achievementphoto', table='monitoring_achievementphoto'),
                migrations.AlterModelTable(
                    name='historicalachievement', table='monitoring_historicalachievement'
                ),
            ],
            state_operations=[
                migrations.DeleteModel(name='AchievementPhoto'),
                migrations.DeleteModel(name='HistoricalAchievement'),
                migrations.DeleteModel(name='Achievement'),
            ],
        ),
    ]
