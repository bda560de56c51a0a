import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from planning.models import Department, Municipality
from planning.services.geography import geography_load

pytestmark = pytest.mark.django_db

# Codes 9x are not used by INE, so the official list already in the database stays apart.
GEOGRAPHY = {
    "departments": [
        {
            "code": "91",
            "name": "Departamento Norte",
            "municipalities": [
                {"code": "9101", "name": "Villa Norte"},
                {"code": "9102", "name": "San Prueba"},
            ],
        },
        {"code": "92", "name": "Departamento Sur", "municipalities": [{"code": "9201", "name": "Villa Sur"}]},
    ]
}


def write(tmp_path, data):
    path = tmp_path / "guatemala.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_loads_departments_and_municipalities_idempotently(tmp_path):
    path = write(tmp_path, GEOGRAPHY)

    assert geography_load(path=path) == 5
    assert geography_load(path=path) == 5

    assert list(Department.objects.filter(code__startswith="9").values_list("code", "name")) == [
        ("91", "Departamento Norte"),
        ("92", "Departamento Sur"),
    ]
    assert Municipality.objects.get(code="9102").department.name == "Departamento Norte"
    assert Municipality.objects.filter(code__startswith="9").count() == 3


def test_official_list_has_22_departments_and_340_municipalities():
    assert geography_load(path=settings.BASE_DIR / "fixtures" / "geography" / "guatemala.json") == 22 + 340
    assert Department.objects.count() == 22
    assert Municipality.objects.count() == 340


def test_renamed_municipality_is_updated_in_place(tmp_path):
    geography_load(path=write(tmp_path, GEOGRAPHY))
    renamed = json.loads(json.dumps(GEOGRAPHY))
    renamed["departments"][0]["municipalities"][1]["name"] = "San Prueba (cabecera)"

    geography_load(path=write(tmp_path, renamed))

    assert Municipality.objects.get(code="9102").name == "San Prueba (cabecera)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{no es json", "no es un JSON legible"),
        ({"provincias": []}, "no tiene la lista «departments»"),
        ({"departments": [{"code": "9", "name": "Norte", "municipalities": []}]}, "Entrada inválida"),
        (
            {"departments": [{"code": "93", "name": "Oeste", "municipalities": []}]},
            "Oeste no tiene municipios",
        ),
        (
            {
                "departments": [
                    {"code": "93", "name": "Oeste", "municipalities": [{"code": "9401", "name": "X"}]}
                ]
            },
            "municipios de Oeste",
        ),
    ],
)
def test_broken_file_is_refused_in_spanish_and_nothing_is_kept(tmp_path, content, message):
    with pytest.raises(ValidationError, match=message):
        geography_load(path=write(tmp_path, content))
    assert not Department.objects.filter(code="93").exists()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ValidationError, match="No se encontró"):
        geography_load(path=tmp_path / "falta.json")
