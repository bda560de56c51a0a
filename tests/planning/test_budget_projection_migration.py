"""The budget projection moved from ``budget`` to ``planning`` keeping every row, version and id."""

import datetime
from decimal import Decimal

import pytest

from tests.migrations import migrate_to, migrate_to_latest

BEFORE_MOVE = [
    ("budget", "0002_execution_centre_month_cost_centre_history"),
    ("planning", "0001_initial"),
]
AFTER_MOVE = [("planning", "0002_budgetprojection_from_budget")]


@pytest.mark.django_db(transaction=True)
def test_rows_history_and_content_types_follow_the_model_to_planning():
    old = migrate_to(BEFORE_MOVE)
    try:
        content_type_model = old.get_model("contenttypes", "ContentType")
        permission_model = old.get_model("auth", "Permission")
        # As on a database made before the move (migrating back moved them already): budget's.
        content_type_model.objects.filter(app_label="planning", model__endswith="budgetprojection").delete()
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="budget", model="budgetprojection"
        )
        history_type, _ = content_type_model.objects.get_or_create(
            app_label="budget", model="historicalbudgetprojection"
        )
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type, codename="change_budgetprojection", defaults={"name": "Can change"}
        )
        institution = old.get_model("planning", "Institution").objects.create(
            code="MIG", name="Institución de la migración", budget_code="9999-9999-999-999"
        )
        plan = old.get_model("planning", "Plan").objects.create(
            institution=institution, kind="POM", name="POM", start_year=2026, end_year=2030
        )
        program = old.get_model("planning", "Program").objects.create(
            institution=institution, code="11", name="Programa"
        )
        projection = old.get_model("budget", "BudgetProjection").objects.create(
            plan=plan, program=program, year=2026, amount=Decimal("569504297.00")
        )
        version = old.get_model("budget", "HistoricalBudgetProjection").objects.create(
            id=projection.pk,
            plan=plan,
            program=program,
            year=2026,
            amount=Decimal("569504297.00"),
            history_date=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
            history_type="+",
            history_change_reason="Carga del POM",
        )

        new = migrate_to(AFTER_MOVE)

        moved = new.get_model("planning", "BudgetProjection").objects.get(pk=projection.pk)
        assert (moved.plan_id, moved.program_id, moved.year, moved.amount) == (
            plan.pk,
            program.pk,
            2026,
            Decimal("569504297.00"),
        )
        moved_version = new.get_model("planning", "HistoricalBudgetProjection").objects.get(
            history_id=version.history_id
        )
        assert (moved_version.id, moved_version.history_change_reason) == (projection.pk, "Carga del POM")
        content_types = new.get_model("contenttypes", "ContentType").objects
        assert content_types.get(pk=content_type.pk).app_label == "planning"
        assert content_types.get(pk=history_type.pk).app_label == "planning"
        assert not content_types.filter(app_label="budget", model__endswith="budgetprojection").exists()
        permissions = new.get_model("auth", "Permission").objects
        assert permissions.get(pk=permission.pk).content_type_id == content_type.pk
    finally:
        migrate_to_latest()
