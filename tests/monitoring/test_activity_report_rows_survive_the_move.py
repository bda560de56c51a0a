"""The activity report's models moved from indicators to monitoring: achievements, photos (their
file names too), history rows and content types are all still there, with the same ids."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from monitoring.models import Achievement, AchievementPhoto

BEFORE_THE_MOVE = [("indicators", "0002_activity_report")]
ACHIEVEMENT = {
    "year": 2024,
    "month": 3,
    "area_code": "02",
    "area": "Atención y Protección",
    "unit": "Subdirección A",
    "text": "Se atendió a 68 personas.",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets, at_end=True).apps


def latest_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_rows_history_and_content_types_keep_their_ids():
    old = migrate(BEFORE_THE_MOVE)
    try:
        user = old.get_model("accounts", "User").objects.create(username="logros-antes-del-cambio")
        institution = old.get_model("planning", "Institution").objects.create(
            code="MOVE", budget_code="9999-9999-999-999", name="Institución de prueba"
        )
        achievement = old.get_model("indicators", "Achievement").objects.create(
            institution=institution, created_by=user, **ACHIEVEMENT
        )
        photo = old.get_model("indicators", "AchievementPhoto").objects.create(
            achievement=achievement,
            image="activity/2024/03/0a1b2c.png",
            caption="Centro de atención",
            image_format="PNG",
            size=1234,
        )
        history = old.get_model("indicators", "HistoricalAchievement").objects.create(
            id=achievement.id,
            institution_id=institution.id,
            **ACHIEVEMENT,
            created_by_id=user.id,
            created_at=datetime(2024, 4, 2, tzinfo=UTC),
            history_date=datetime(2024, 4, 2, tzinfo=UTC),
            history_type="+",
            history_user_id=user.id,
        )
        content_type_id = (
            old.get_model("contenttypes", "ContentType")
            .objects.get_or_create(app_label="indicators", model="achievement")[0]
            .id
        )
        permission = old.get_model("auth", "Permission").objects.get_or_create(
            content_type_id=content_type_id, codename="change_achievement", defaults={"name": "Can change"}
        )[0]
    finally:
        migrate(latest_nodes())

    moved = Achievement.objects.get(pk=achievement.pk)
    assert (moved.institution_id, moved.created_by_id, moved.text) == (
        institution.id,
        user.id,
        "Se atendió a 68 personas.",
    )
    moved_photo = AchievementPhoto.objects.get(pk=photo.pk)
    assert moved_photo.achievement_id == achievement.pk
    assert moved_photo.image.name == "activity/2024/03/0a1b2c.png"  # the file stays where it is
    assert list(moved.history.values_list("history_id", "history_type")) == [(history.history_id, "+")]
    ContentType.objects.clear_cache()
    content_type = ContentType.objects.get_for_model(Achievement)
    assert content_type.id == content_type_id
    assert Permission.objects.get(pk=permission.pk).content_type_id == content_type_id
    assert not ContentType.objects.filter(app_label="indicators", model="achievement").exists()
