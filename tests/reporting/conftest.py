"""Fixtures of the reporting tests: eager Celery (unless a test runs a real worker), a demo
signing certificate, and IGM's 2024 third period explained, signed, or open to its planning lead."""

import pytest
from django.core.management import call_command

from accounts.models import Role
from igm_plan.celery import app as celery_app
from reporting.selectors.documents import live_report_document
from reporting.services.workflow import deviation_notes_save
from reporting.signing import certificate_create

SIGNING_PASSWORD = "clave-certificado-prueba"
EXPLANATION = "Explicación de la unidad responsable."


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
def reporting_settings(settings, signing_p12, request):
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
def lead_client(client, igm_user):
    """A browser session of IGM's planning lead."""
    client.force_login(igm_user(Role.PLANNING_LEAD))
    return client


@pytest.fixture
def explained(igm, igm_user):
    """IGM 2024 period 3 with every deviation explained by its planning lead, ready to be submitted."""
    document = live_report_document(institution=igm, year=2024, period=3)
    deviation_notes_save(
        institution=igm,
        year=2024,
        period=3,
        notes={
            (d.subproduct_id, d.measure_code): "Explicación de la unidad responsable."
            for d in document.deviations
        },
        read=None,
        user=igm_user(Role.PLANNING_LEAD),
    )
    return document


@pytest.fixture
def signed_pdf(igm, tmp_path):
    """IGM 2024 period 3 signed through ``render_report --signed --draft`` (the same job as the web)."""
    output = tmp_path / "firmado.pdf"
    period = {"institution": "IGM", "year": 2024, "period": 3}
    call_command("render_report", "siplan", **period, format="pdf", output=output, signed=True, draft=True)
    return output
