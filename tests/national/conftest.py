"""Report jobs of the national tests run in-process, also in the pass with a broker."""

import pytest

from igm_plan.celery import app as celery_app


@pytest.fixture(autouse=True)
def eager_report_jobs():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.update(CELERY_TASK_ALWAYS_EAGER=True)
    yield
    celery_app.conf.update(CELERY_TASK_ALWAYS_EAGER=previous)
