"""Moving a test database to a migration state, for the tests of data-keeping migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    """Migrate to ``targets`` and return the apps (historical models) of that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Back to the newest migrations, as the other tests expect the database."""
    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())
