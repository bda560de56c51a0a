"""Formula cells in an execution file: the value the workbook computed is taken; a formula without one,
an error value, or a formula typed as text (even behind blanks) is refused on its cell; text that a
spreadsheet would run is neutralised in the templates we hand out."""

import csv
import io
from decimal import Decimal

import pytest

from budget.execution_files import template_csv, template_dataset
from budget.models import Execution, ExecutionUpload
from budget.services.months import execution_month_save
from budget.services.uploads import execution_file_import, execution_file_preview
from tests.common.workbooks import with_computed_values, with_error_value
from tests.execution_files import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.usefixtures("media")


def messages(small_world, content, name="marzo.xlsx") -> list[str]:
    _upload, outcome = execution_file_import(
        content=content, name=name, user=small_world.officer, institution=small_world.institution
    )
    return [error["message"] for error in outcome.errors]


def test_a_formula_with_the_value_the_workbook_computed_is_taken(small_world):
    content = xlsx_bytes(
        [
            ("CC-01", "S01", 2024, 3, "=SUM(400,550)", "=118000+500.5", ""),
            ("CC-01", "S02", 2024, 3, 40, 4800, ""),
        ]
    )
    assert messages(small_world, with_computed_values(content, {"E2": "950", "F2": "118500.5"})) == []
    row = Execution.objects.get(
        cost_centre=small_world.central, subproduct=small_world.passports, year=2024, month=3
    )
    assert (row.physical, row.financial) == (950, Decimal("118500.50"))


def test_the_upload_page_names_the_cell_of_a_formula_without_its_value(small_world, client):
    client.force_login(small_world.officer)
    upload = execution_file_preview(
        content=xlsx_bytes([("CC-01", "S01", 2024, 3, 5, "=10*2", "")]),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    assert upload.outcome == ExecutionUpload.Outcome.REJECTED
    assert upload.errors[0]["cell"] == "F2"
    page = client.get(f"/ejecucion/cargas/{upload.pk}/").content.decode()
    assert "El archivo tiene 1 error; no se guardó nada" in page
    assert '<td>F2</td><td><code class="column-name">ejecucion_financiera</code></td>' in page
    assert "abra y guarde el archivo en Excel o LibreOffice" in page


def test_an_error_value_is_refused_on_its_cell(small_world):
    content = with_error_value(xlsx_bytes([("CC-01", "S01", 2024, 3, 5, 10, "")]), "F2", "#DIV/0!")
    assert messages(small_world, content) == [
        "Fila 2, columna ejecucion_financiera: la celda tiene el error «#DIV/0!»; corrija la fórmula o "
        "escriba el valor."
    ]


@pytest.mark.parametrize(
    ("notes", "shown"),
    [("\t=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"), (' =HYPERLINK("http://x.test","clic")', None)],
)
@pytest.mark.parametrize("build", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_a_formula_typed_as_text_behind_blanks_is_refused(small_world, notes, shown, build):
    name = "marzo.csv" if build is csv_bytes else "marzo.xlsx"
    refused = messages(small_world, build([("CC-01", "S01", 2024, 3, 5, 10, notes)]), name)
    assert refused == [
        "Fila 2, columna observaciones: la celda contiene la fórmula "
        f"«{shown or notes.strip()}»; escriba el valor, no una fórmula."
    ]
    assert not Execution.objects.filter(cost_centre=small_world.central).exists()


def test_the_template_neutralises_saved_text_that_starts_a_formula_after_blanks(small_world):
    execution_month_save(
        cost_centre=small_world.central,
        year=2024,
        month=3,
        entries=[{"subproduct": "S01", "physical": 5, "financial": Decimal("10.00"), "notes": " @SUMA(A1)"}],
        user=small_world.officer,
    )
    row = Execution.objects.get(cost_centre=small_world.central, subproduct=small_world.passports)
    assert row.notes == "@SUMA(A1)"  # the intake trims; what it keeps is still neutralised on export
    Execution.objects.filter(pk=row.pk).update(notes=" +502 5555-1234")
    content = template_csv(
        template_dataset(rows=[Execution.objects.get(pk=row.pk)], institution=small_world.institution)
    )
    notes = next(csv.reader(io.StringIO(content.decode("utf-8-sig").splitlines()[1])))[6]
    assert notes == "' +502 5555-1234"
