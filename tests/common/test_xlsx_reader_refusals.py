"""Files the XLSX reader refuses before any parser sees them: password-protected, damaged, zip bombs
(by the sizes they declare and by the sizes they really inflate to), protected sheets, and more rows
than IGM_MAX_ROWS_PER_FILE."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from common.spreadsheets import SpreadsheetRefused, rows_capped, xlsx_rows
from tests.common.workbooks import workbook_bytes, zip_bomb

MiB = 1024 * 1024


def refusal(content, **kwargs) -> tuple[str, str]:
    with pytest.raises(SpreadsheetRefused) as refused:
        list(xlsx_rows(content, **kwargs))
    return refused.value.code, refused.value.message


def test_a_password_protected_workbook_is_refused():
    assert refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512) == (
        "encrypted",
        "El libro está protegido con contraseña; guárdelo sin contraseña e intente de nuevo.",
    )


@pytest.mark.parametrize(
    "content",
    [b"esto no es un libro", b"PK\x03\x04truncado", workbook_bytes([["a"]])[:700]],
    ids=["text", "zip-header-only", "truncated-workbook"],
)
def test_a_damaged_file_is_refused(content):
    assert refusal(content) == (
        "corrupt",
        "El archivo no se puede leer como libro de Excel (XLSX): está dañado o no es un XLSX.",
    )


def test_a_zip_bomb_is_refused_by_the_size_it_declares(settings):
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 2 * MiB
    bomb = zip_bomb(8 * MiB)
    assert len(bomb) < 64 * 1024
    code, message = refusal(bomb)
    assert code == "too_large"
    assert message.startswith("El libro ocupa 8.0 MB al descomprimirlo; el máximo admitido es 2.0 MB.")


def test_a_zip_bomb_that_declares_a_small_size_is_refused_as_soon_as_it_inflates_past_it(settings):
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 2 * MiB
    assert refusal(zip_bomb(8 * MiB, declared=1000))[0] == "corrupt"
    assert refusal(zip_bomb(1 * MiB, declared=1000))[0] == "corrupt"


def test_what_really_inflates_counts_against_the_limit(settings):
    # Members that declare their true sizes, each within the limit, together over it.
    settings.IGM_MAX_UNCOMPRESSED_BYTES = 1 * MiB
    code, message = refusal(zip_bomb(1 * MiB - 4096))
    assert code == "too_large"


def test_a_protected_sheet_or_a_locked_workbook_is_refused():
    workbook = Workbook()
    workbook.active.title = "Ejecución"
    workbook.active.append(["a"])
    workbook.active.protection.sheet = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    expected = "El libro o la hoja «Ejecución» está protegido; quite la protección e intente de nuevo."
    assert refusal(buffer.getvalue()) == ("protected", expected)

    workbook.active.protection.sheet = False
    workbook.security.lockStructure = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert refusal(buffer.getvalue()) == ("protected", expected)


def test_more_rows_than_the_limit_are_refused_before_they_are_read(settings):
    settings.IGM_MAX_ROWS_PER_FILE = 3
    assert len(list(xlsx_rows(workbook_bytes([["h"], [1], [2]])))) == 3
    assert refusal(workbook_bytes([["h"], [1], [2], [3]])) == (
        "too_many_rows",
        "La hoja «Hoja» tiene 4 filas; el máximo por archivo es 3. Divida los datos en varios archivos.",
    )


def test_a_text_file_gets_the_same_row_limit(settings):
    settings.IGM_MAX_ROWS_PER_FILE = 2
    assert list(rows_capped([("a",), ("b",)])) == [(1, ("a",)), (2, ("b",))]
    with pytest.raises(SpreadsheetRefused, match="El archivo tiene más de 2 filas, el máximo por archivo"):
        list(rows_capped([("a",), ("b",), ("c",)]))


def test_a_member_compressed_with_another_method_is_refused():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook_bytes([["a"]]))) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for info in source.infolist():
            method = zipfile.ZIP_BZIP2 if info.filename.endswith("sheet1.xml") else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, source.read(info.filename), method)
    assert refusal(buffer.getvalue())[0] == "corrupt"
