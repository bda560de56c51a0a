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


def test_token_security_scheme_is_documented(schema):
    assert schema["components"]["securitySchemes"]["tokenAuth"]["name"] == "Authorization"


def test_swagger_ui_is_served(db):
    response = APIClient().get(reverse("api-docs"))
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
