"""The OpenAPI schema and Swagger UI are served, and every field is described in Spanish."""

import pytest
import yaml
from django.urls import reverse
from rest_framework.test import APIClient


@pytest.fixture
def schema(db) -> dict:
    response = APIClient().get(reverse("api-schema"))
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_every_field_of_every_component_has_a_description(schema):
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, definition in component.get("properties", {}).items()
        if not definition.get("description")
    ]
    assert undescribed == []


def test_every_operation_documents_the_error_shape(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            refs = operation["responses"]["404"]["content"]["application/json"]["schema"]["$ref"]
            assert refs == "#/components/schemas/Error", (method, path)


def test_only_the_token_is_documented_and_its_help_keeps_the_placeholder(schema):
    schemes = schema["components"]["securitySchemes"]
    assert list(schemes) == ["tokenAuth"]
    assert schemes["tokenAuth"]["name"] == "Authorization"
    # In a code span, so Swagger UI's Markdown does not swallow <clave> as an HTML tag.
    assert "`Authorization: Token <clave>`" in schemes["tokenAuth"]["description"]


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_has_a_tag_a_spanish_summary_and_a_description(schema):
    tags = {tag["name"] for tag in schema["tags"]}
    assert tags == {"Planificación", "Ejecución", "Seguimiento", "Indicadores", "Reportes", "Avance nacional"}
    for name, operation in operations(schema):
        assert len(operation["tags"]) == 1 and operation["tags"][0] in tags, name
        assert operation["summary"] and operation["description"], name
    summaries = {name: operation["summary"] for name, operation in operations(schema)}
    assert summaries["GET /api/v1/goals/"] == "Listar metas"
    assert summaries["GET /api/v1/goals/{id}/"] == "Consultar una meta"
    assert summaries["POST /api/v1/executions/"] == "Enviar la ejecución de un mes"
    assert len(set(summaries.values())) == len(summaries)


def test_every_parameter_is_described(schema):
    undescribed = [
        f"{name} {parameter['name']}"
        for name, operation in operations(schema)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description") or parameter["description"].startswith("*")
    ]
    assert undescribed == []


def test_calendar_and_paging_parameters_declare_their_range(schema):
    expected = {
        "month": (1, 12),
        "period": (1, 3),
        "year": (2000, 2100),
        "page": (1, 2**31 - 1),
        "page_size": (1, 1000),
    }
    seen = set()
    for name, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["name"] in expected:
                bounds = (parameter["schema"].get("minimum"), parameter["schema"].get("maximum"))
                assert parameter["schema"]["type"] == "integer", name
                assert bounds == expected[parameter["name"]], (name, parameter["name"])
                seen.add(parameter["name"])
    assert seen == set(expected)


def test_swagger_ui_is_served(db):
    response = APIClient().get(reverse("api-docs"))
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
