"""Every free text has a maximum (``common.forms.TEXT_MAX_LENGTH``): the API, the pages and the
uploaded files refuse 100,000 characters with the field named; the benchmark-only views cannot be
switched on in production."""

import os
import subprocess
import sys

from django.conf import settings
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from budget.models import Execution
from common.forms import TEXT_MAX_LENGTH
from planning.models import Reprogramming

HUGE = "x" * 100_000


def _writable_text_fields(schema) -> dict[str, list[str]]:
    """{path: [field]}: the free-text properties of every POST request body of the API."""
    components = schema["components"]["schemas"]
    found = {}
    for path, operations in schema["paths"].items():
        body = operations.get("post", {}).get("requestBody", {}).get("content", {})
        for media in body.values():
            reference = media["schema"].get("$ref", "").rsplit("/", 1)[-1]
            properties = components.get(reference, {}).get("properties", {})
            found[path] = [
                name
                for name, spec in properties.items()
                if spec.get("type") == "string" and not {"enum", "format", "readOnly", "$ref"} & set(spec)
            ]
    return found


def test_every_writable_text_field_of_the_api_refuses_100000_characters(institution_client, small_world):
    fields = _writable_text_fields(SchemaGenerator().get_schema(request=None, public=True))
    checked = []
    for path, names in fields.items():
        for name in names:
            response = institution_client.post(path, {name: HUGE}, format="json")
            assert response.status_code == 400, (path, name)
            assert str(TEXT_MAX_LENGTH) in str(response.json()["error"]["fields"][name]), (path, name)
            checked.append(f"{path} {name}")

    assert "/api/v1/executions/ notes" in checked
    assert not Execution.objects.filter(notes=HUGE).exists()


def test_a_complete_execution_with_a_huge_note_is_refused_on_that_field(institution_client, small_world):
    row = {
        "cost_centre": small_world.central.pk,
        "subproduct": small_world.passports.pk,
        "year": 2024,
        "month": 2,
        "physical": 1,
        "financial": "1.00",
        "notes": HUGE,
    }

    response = institution_client.post("/api/v1/executions/", row, format="json")

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["notes"]
    assert (
        institution_client.post("/api/v1/executions/", {**row, "notes": "ok"}, format="json").status_code
        == 201
    )


def test_a_page_refuses_a_huge_justification(client, small_world):
    client.force_login(small_world.planner)
    before = Reprogramming.objects.count()

    response = client.post(
        reverse("planning:goal_detail", args=[small_world.passports_goal.pk]),
        {
            "measure": "physical",
            "new_value": "1",
            "effective_date": "2024-05-02",
            "supporting_act": "Oficio 1",
            "justification": HUGE,
        },
    )

    assert response.status_code == 200
    assert "5000 caracteres" in response.content.decode()
    assert Reprogramming.objects.count() == before


def test_an_uploaded_row_with_a_huge_note_is_refused(small_world):
    from budget.services.intake_rows import IntakeRowChecker

    checker = IntakeRowChecker(institution=small_world.institution, user=small_world.officer)
    _valid, errors, _skipped = checker.validate([(2, ("CC-01", "S01", 2024, 3, 5, 10, HUGE))])

    assert [error["message"] for error in errors.listed()] == [
        "Fila 2, columna observaciones: el texto tiene 100,000 caracteres; el máximo es 5,000."
    ]


def test_production_refuses_to_start_with_the_benchmark_views():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "IGM_API_BENCHMARK_VIEWS": "1",
    }

    run = subprocess.run(
        [sys.executable, "-c", "import igm_plan.settings"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert run.returncode != 0
    assert "IGM_API_BENCHMARK_VIEWS expone los datos de todas las instituciones" in run.stderr
    assert "ImproperlyConfigured" in run.stderr
