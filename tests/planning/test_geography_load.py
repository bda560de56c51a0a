import json

import pytest
from django.core.exceptions import ValidationError

from planning.models import Department, Municipality
from planning.services import geography_load

pytestmark = pytest.mark.django_db

GEOGRAPHY = {
    "departments": [
        {
            "code": "01",
            "name": "Guatemala",
            "municipalities": [{"code": "0101", "name": "Guatemala"}, {"code": "0108", "name": "Mixco"}],
        },
        {"code": "22", "name": "Jutiapa", "municipalities": [{"code": "2201", "name": "Jutiapa"}]},
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

    assert list(Department.objects.values_list("code", "name")) == [("01", "Guatemala"), ("22", "Jutiapa")]
    assert Municipality.objects.get(code="0108").department.name == "Guatemala"
    assert Municipality.objects.count() == 3


def test_renamed_municipality_is_updated_in_place(tmp_path):
    geography_load(path=write(tmp_path, GEOGRAPHY))
    GEOGRAPHY_RENAMED = json.loads(json.dumps(GEOGRAPHY))
    GEOGRAPHY_RENAMED["departments"][0]["municipalities"][1]["name"] = "Mixco (ciudad)"

    geography_load(path=write(tmp_path, GEOGRAPHY_RENAMED))

    assert Municipality.objects.get(code="0108").name == "Mixco (ciudad)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{no es json", "no es un JSON legible"),
        ({"provincias": []}, "no tiene la lista «departments»"),
        ({"departments": [{"code": "1", "name": "Guatemala", "municipalities": []}]}, "Entrada inválida"),
        (
            {
                "departments": [
                    {"code": "01", "name": "Guatemala", "municipalities": [{"code": "0201", "name": "Mixco"}]}
                ]
            },
            "municipios de Guatemala",
        ),
    ],
)
def test_broken_file_is_refused_in_spanish_and_nothing_is_kept(tmp_path, content, message):
    with pytest.raises(ValidationError, match=message):
        geography_load(path=write(tmp_path, content))
    assert not Department.objects.exists()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ValidationError, match="No se encontró"):
        geography_load(path=tmp_path / "falta.json")
