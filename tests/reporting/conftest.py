"""Fixtures of the reporting tests: eager Celery (unless a test runs a real worker), a demo
signing certificate and media under a temporary directory."""

import pytest

from igm_plan.celery import app as celery_app
from reporting.signing import certificate_create

SIGNING_PASSWORD = "clave-certificado-prueba"


@pytest.fixture(scope="session")
def signing_p12(tmp_path_factory):
    path = tmp_path_factory.mktemp("signing") / "prueba.p12"
    certificate_create(
        path=path,
        password=SIGNING_PASSWORD,
        common_name="Lic. Alfredo Danilo Rivera (demostración)",
        organization="Instituto Guatemalteco de Migración",
    )
    return path


@pytest.fixture(autouse=True)
def reporting_settings(settings, tmp_path, signing_p12, request):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IGM_SIGNING_P12 = str(signing_p12)
    settings.IGM_SIGNING_P12_PASSWORD = SIGNING_PASSWORD
    # Jobs run in-process unless the test drives a real worker (see test_worker_killed_mid_render).
    eager = request.node.get_closest_marker("worker") is None
    # The Django-namespaced key, which Celery reads before the plain ``task_always_eager``.
    previous = celery_app.conf.task_always_eager
    celery_app.conf.update(CELERY_TASK_ALWAYS_EAGER=eager or previous)
    yield settings
    celery_app.conf.update(CELERY_TASK_ALWAYS_EAGER=previous)


@pytest.fixture
def planner(igm):
    from accounts.models import Role
    from tests.factories import UserFactory

    return UserFactory(username="planificadora", role=Role.PLANNING_LEAD, institution=igm)


@pytest.fixture
def director(igm):
    from accounts.models import Role
    from tests.factories import UserFactory

    return UserFactory(username="directora", role=Role.DIRECTOR, institution=igm)


@pytest.fixture
def explained(igm, planner):
    """IGM 2024 period 3 with every deviation explained, ready to be submitted."""
    from planning.models import Subproduct
    from reporting.selectors.documents import live_report_document
    from reporting.services import deviation_note_save

    document = live_report_document(institution=igm, year=2024, period=3)
    for subproduct_id in {d.subproduct_id for d in document.deviations}:
        deviation_note_save(
            subproduct=Subproduct.objects.get(pk=subproduct_id),
            year=2024,
            period=3,
            text="Explicación de la unidad responsable.",
            user=planner,
        )
    return document


@pytest.fixture
def signed_pdf(igm, tmp_path):
    """IGM 2024 period 3 signed through ``render_report --signed --draft`` (the same job as the web)."""
    from django.core.management import call_command

    output = tmp_path / "firmado.pdf"
    call_command(
        "render_report",
        "siplan",
        institution="IGM",
        year=2024,
        period=3,
        format="pdf",
        output=output,
        signed=True,
        draft=True,
    )
    return output
