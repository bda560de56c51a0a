"""Figures written as every page writes them (``Q 1,234.50``, ``96,412``) are taken from an uploaded
file and from the entry grid alike; a decimal comma is refused saying how to write it."""

from decimal import Decimal

import pytest

from budget.models import Execution, ExecutionUpload
from budget.services.uploads import execution_file_import
from tests.execution_files import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.usefixtures("media")

DECIMAL_COMMA = (
    "Fila 2, columna ejecucion_financiera: «1.234,50» usa punto para los miles y coma para los decimales; "
    "escríbalo 1,234.50 (coma para los miles, punto para los decimales)."
)


def imported(small_world, content, name):
    _upload, outcome = execution_file_import(
        content=content, name=name, user=small_world.officer, institution=small_world.institution
    )
    return outcome


@pytest.mark.parametrize(
    ("name", "build"), [("marzo.xlsx", xlsx_bytes), ("marzo.csv", csv_bytes)], ids=["xlsx", "csv"]
)
def test_an_upload_takes_quetzales_and_units_as_pages_write_them(small_world, name, build):
    rows = [
        ("CC-01", "S01", 2024, 3, "96,412", "Q 3,512,745.38", ""),
        ("CC-01", "S02", 2024, 3, " 1,500 ", "Q1234.5", ""),
    ]
    outcome = imported(small_world, build(rows), name)
    assert outcome.errors == []
    saved = dict(
        Execution.objects.filter(cost_centre=small_world.central, year=2024, month=3).values_list(
            "subproduct__code", "financial"
        )
    )
    assert saved == {"S01": Decimal("3512745.38"), "S02": Decimal("1234.50")}
    assert sorted(
        Execution.objects.filter(cost_centre=small_world.central).values_list("physical", flat=True)
    ) == [
        1500,
        96412,
    ]


def test_an_upload_with_a_decimal_comma_is_refused_saying_how_to_write_it(small_world):
    outcome = imported(
        small_world, csv_bytes([("CC-01", "S01", "2024", "3", "5", "1.234,50", "")]), "marzo.csv"
    )
    assert [error["message"] for error in outcome.errors] == [DECIMAL_COMMA]
    assert ExecutionUpload.objects.get().outcome == ExecutionUpload.Outcome.REJECTED
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()


def test_the_entry_grid_takes_the_figures_the_month_page_shows(small_world, client):
    client.force_login(small_world.officer)
    url = f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/"
    data = {
        "physical_1": "1,500",
        "financial_1": "24,387,429.25",
        "notes_1": "",
        "physical_2": "",
        "financial_2": "",
    }
    response = client.post(url, data | {"notes_2": ""})
    assert response.status_code == 302
    row = Execution.objects.get(
        cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3
    )
    assert (row.physical, row.financial) == (1500, Decimal("24387429.25"))


def test_the_entry_grid_refuses_a_decimal_comma_on_its_cell(small_world, client):
    client.force_login(small_world.officer)
    url = f"/ejecucion/centro/{small_world.central.pk}/2024/3/capturar/"
    response = client.post(
        url, {"physical_1": "5", "financial_1": "Q 1.234,50", "physical_2": "", "financial_2": ""}
    )
    assert response.status_code == 422
    assert (
        "Fila 1 (S01), Ejecución financiera: «Q 1.234,50» usa punto para los miles y coma para los "
        "decimales; escríbalo 1,234.50" in response.content.decode()
    )
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()
