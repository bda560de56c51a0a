"""Every spreadsheet the product writes (openpyxl) and reads (python-calamine).

Writing: number formats, formula-safe text (``neutralise``) and printing one page wide.

Reading, for every XLSX a user gives us (execution files, programming files, plan matrices):

    for number, values in xlsx_rows(content, sheet="Ejecución"):   # or sheet=None: the first
        ...   # number: the row as Excel shows it (1 = first row); values: a tuple from column A

or, for several sheets of one file, ``with XlsxBook(content) as book: book.rows("9.5 Metas")``.
Before anything parses the file, the archive is checked: password-protected or damaged files,
more than ``IGM_MAX_UNCOMPRESSED_BYTES`` once decompressed (a zip bomb: the sizes the archive
declares are summed, and each member is inflated, chunk by chunk, to check it holds no more than
it declares), protected sheets, and more than ``IGM_MAX_ROWS_PER_FILE`` rows are refused with
``SpreadsheetRefused`` (a Spanish ``message`` and a ``code``). Cell values are as
openpyxl gave them: None for an empty cell, str (numbers stored as text stay text), int for whole
numbers, float, bool, datetime for dates (time for times). A formula cell gives the value the
file computed; a formula the file carries no value for, or an error value (#DIV/0!), is an
``UnreadableCell`` whose ``message`` the caller reports with the row and column.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from posixpath import dirname, join, normpath
from xml.etree import ElementTree
from xml.sax.saxutils import unescape

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils import column_index_from_string, get_column_letter

from common.formats import file_size, units

MONEY_FORMAT = "#,##0.00"
QUETZALES_FORMAT = '"Q" #,##0.00'
UNITS_FORMAT = "#,##0"


def quantity_format(value) -> str:
    """A figure in a unit of measure (persons, documents): whole without decimals, else two places."""
    whole = value is None or value == value.to_integral_value()
    return UNITS_FORMAT if whole else MONEY_FORMAT


FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise(value):
    """Text that a spreadsheet would run as a formula (its first non-blank character starts one:
    `` =HYPERLINK(…)``, ``\\t=cmd|…``) is written with a leading apostrophe."""
    if isinstance(value, str) and value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def written_text(value: str) -> str:
    """The text as it was before ``neutralise`` put an apostrophe in front of it."""
    return value[1:] if value.startswith("'") and neutralise(value[1:]) == value else value


def is_formula_text(value) -> bool:
    """Text a person typed as a formula: its first non-blank character is ``=``."""
    return isinstance(value, str) and value.lstrip().startswith("=")


def print_to_page_width(sheet, *, title_rows: str | None = None, landscape: bool = True) -> None:
    """Printed, the sheet is one page wide (as many pages down as it needs), landscape when wide,
    with its header rows repeated on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows


# Reading.

column_letter = get_column_letter  # 1 → "A": messages name cells as Excel does

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted (password-protected) OOXML
_ZIP_SIGNATURE = b"PK\x03\x04"
_MAX_MEMBERS = 10_000
_CHUNK = 1 << 20
_LONGEST_ROW = 4 << 20  # a worksheet row's XML; a row of our templates is a few hundred bytes
_SHEET_PROTECTION = re.compile(rb"<(?:\w+:)?sheetProtection\b")
_FORMULA_OR_ERROR = re.compile(rb"<(?:\w+:)?f[\s>/]|\st=\"e\"")
_FORMULA_MARKS = (b"<f", b":f>", b":f ", b't="e"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ROW_NUMBER = re.compile(rb"<row [^>]*?\br=\"(\d+)\"")
_REFERENCE = re.compile(rb"\sr=\"([A-Z]{1,3})(\d+)\"")
_TYPE = re.compile(rb"\st=\"(\w+)\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)


class SpreadsheetRefused(Exception):
    """The workbook as a whole cannot be read. ``code``: encrypted, corrupt, too_large, protected,
    too_many_rows, missing_sheet."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class UnreadableCell:
    """A cell the file holds no value for: a formula never calculated, or an error such as #DIV/0!."""

    message: str

    def __str__(self) -> str:
        return self.message


def _corrupt() -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _("El archivo no se puede leer como libro de Excel (XLSX): está dañado o no es un XLSX."),
        code="corrupt",
    )


def _too_large(size: int, limit: int) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "El libro ocupa %(size)s al descomprimirlo; el máximo admitido es %(limit)s. Quite hojas, "
            "imágenes o filas que no use, o divídalo en varios archivos."
        )
        % {"size": file_size(size), "limit": file_size(limit)},
        code="too_large",
    )


def _unreadable(kind: bytes, formula: bytes | None, value: bytes | None) -> UnreadableCell:
    if kind == b"e" and value:
        return UnreadableCell(
            _("la celda tiene el error «%(error)s»; corrija la fórmula o escriba el valor.")
            % {"error": unescape(value.decode())}
        )
    text = "=" + unescape(formula.decode(), {"&quot;": '"', "&apos;": "'"}) if formula else ""
    return UnreadableCell(
        _(
            "la celda contiene la fórmula «%(formula)s» sin su valor calculado; abra y guarde el "
            "archivo en Excel o LibreOffice, o escriba el valor."
        )
        % {"formula": text or _("(fórmula compartida)")}
    )


@dataclass
class _SheetScan:
    """What calamine does not tell: protection, and cells without a value (by row, column)."""

    protected: bool = False
    unreadable: dict[tuple[int, int], UnreadableCell] = field(default_factory=dict)
    last_row: int = 0  # the last row that holds a value, as far as the scan can tell
    _carry: bytes = b""

    def feed(self, data: bytes, *, last: bool = False) -> None:
        buffer = self._carry + data
        cut = len(buffer) if last else buffer.rfind(b"</row>") + len(b"</row>")
        if cut < len(b"</row>"):
            if len(buffer) > _LONGEST_ROW:
                raise _corrupt()
            self._carry = buffer
            return
        part, self._carry = buffer[:cut], buffer[cut:]
        # Plain substring tests first: a regular expression over every megabyte would cost more.
        if not self.protected and b"sheetProtection" in part and _SHEET_PROTECTION.search(part):
            self.protected = True
        if any(mark in part for mark in _FORMULA_MARKS) and _FORMULA_OR_ERROR.search(part):
            self._cells(part)
        value = max(part.rfind(b"<v>"), part.rfind(b"<is>"))
        row = _ROW_NUMBER.search(part, part.rfind(b"<row ", 0, value)) if value > 0 else None
        if row:
            self.last_row = max(self.last_row, int(row.group(1)))

    def _cells(self, part: bytes) -> None:
        for cell in _CELL.finditer(part):
            attributes, body = cell.group(1), cell.group(2) or b""
            kind = _TYPE.search(attributes)
            kind = kind.group(1) if kind else b"n"
            formula = _FORMULA.search(body)
            value = _VALUE.search(body)
            value = value.group(1) if value else None
            missing = formula is not None and not value and kind != b"str"
            reference = _REFERENCE.search(attributes)
            if (missing or kind == b"e") and reference:
                position = (int(reference.group(2)), column_index_from_string(reference.group(1).decode()))
                self.unreadable[position] = _unreadable(kind, formula.group(1) if formula else None, value)


def _member_chunks(content: memoryview, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes as its compressed data really inflates, whatever its header declares."""
    start = info.header_offset
    if bytes(content[start : start + 4]) != _ZIP_SIGNATURE or info.flag_bits & 0x1:
        raise _corrupt()
    name_length = int.from_bytes(content[start + 26 : start + 28], "little")
    extra_length = int.from_bytes(content[start + 28 : start + 30], "little")
    offset = start + 30 + name_length + extra_length
    data = content[offset : offset + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        for position in range(0, len(data), _CHUNK):
            yield bytes(data[position : position + _CHUNK])
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _corrupt()
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for position in range(0, len(data), _CHUNK):
            pending = bytes(data[position : position + _CHUNK])
            while pending:
                yield inflater.decompress(pending, _CHUNK)  # at most _CHUNK bytes at a time
                pending = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as error:
        raise _corrupt() from error


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relationships(xml: bytes, base: str) -> dict[str, tuple[str, str]]:
    """Id → (type, member path) of a .rels part; targets are relative to ``base``."""
    found = {}
    for element in ElementTree.fromstring(xml):  # noqa: S314 - the parts' sizes are already bounded
        target = element.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else normpath(join(base, target))
        found[element.get("Id", "")] = (element.get("Type", ""), path)
    return found


class XlsxBook:
    """An uploaded workbook: the archive checked, then its sheets read with calamine."""

    def __init__(self, content: bytes, *, max_rows: int | None = None):
        self.max_rows = settings.IGM_MAX_ROWS_PER_FILE if max_rows is None else max_rows
        self.sheet_paths, self.locked, self.scans = _inspect(content)
        try:
            from python_calamine import CalamineWorkbook

            self._workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
            self.sheet_names = list(self._workbook.sheet_names)
        except Exception as error:  # calamine raises several kinds on a damaged archive or XML
            raise _corrupt() from error

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *exc) -> None:
        self._workbook.close()

    def rows(self, sheet: str | int | None = None) -> Iterator[tuple[int, tuple]]:
        """(row number, values from column A) of every row up to the last that holds a value."""
        if sheet is None or isinstance(sheet, int):
            index = sheet or 0
            if not 0 <= index < len(self.sheet_names):
                raise SpreadsheetRefused(
                    _("El libro no tiene una hoja n.º %(number)s.") % {"number": index + 1},
                    code="missing_sheet",
                )
            name = self.sheet_names[index]
        else:
            name = sheet
        if name not in self.sheet_names:
            raise SpreadsheetRefused(_("Falta la hoja «%(sheet)s».") % {"sheet": name}, code="missing_sheet")
        scan = self.scans.get(self.sheet_paths.get(name, ""), _SheetScan())
        if self.locked or scan.protected:
            raise SpreadsheetRefused(
                _("El libro o la hoja «%(sheet)s» está protegido; quite la protección e intente de nuevo.")
                % {"sheet": name},
                code="protected",
            )
        # The scan already knows the last row with a value: a huge sheet is refused unparsed.
        if scan.last_row > self.max_rows:
            raise self._too_many_rows(name, scan.last_row)
        try:
            data = self._workbook.get_sheet_by_name(name)
        except Exception as error:
            raise _corrupt() from error
        height = data.end[0] + 1 if data.end else 0
        if height > self.max_rows:
            raise self._too_many_rows(name, height)
        return _values(data, scan.unreadable)

    def _too_many_rows(self, name: str, height: int) -> SpreadsheetRefused:
        return SpreadsheetRefused(
            _(
                "La hoja «%(sheet)s» tiene %(rows)s filas; el máximo por archivo es %(limit)s. "
                "Divida los datos en varios archivos."
            )
            % {"sheet": name, "rows": units(height), "limit": units(self.max_rows)},
            code="too_many_rows",
        )


def _values(data, unreadable: dict) -> Iterator[tuple[int, tuple]]:
    """calamine's rows as openpyxl gave them (see the module), cells without a value in place."""
    padding = (None,) * (data.start[1] if data.start else 0)
    by_row: dict[int, list] = {}
    for (row, column), cell in unreadable.items():
        by_row.setdefault(row, []).append((column - 1, cell))
    # python-calamine yields rows from the sheet's first row, cells from its first used column.
    for number, raw in enumerate(data.iter_rows(), start=1):
        values = padding + tuple(
            [
                (value or None)
                if type(value) is str
                else (int(value) if value.is_integer() else value)
                if type(value) is float
                else datetime(value.year, value.month, value.day)
                if type(value) is date
                else value
                for value in raw
            ]
        )
        if number in by_row:
            values = _with_unreadable(values, by_row.pop(number))
        yield number, values
    # Cells without a value after the last row calamine saw (it skips them as empty).
    for number in sorted(by_row):
        yield number, _with_unreadable(padding, by_row[number])


def _with_unreadable(values: tuple, cells: list) -> tuple:
    values = list(values)
    for column, cell in cells:
        values.extend([None] * (column + 1 - len(values)))
        values[column] = cell
    return tuple(values)


def _inspect(content: bytes) -> tuple[dict[str, str], bool, dict[str, _SheetScan]]:
    """Check the archive before any parser sees it; returns each sheet's member path, whether the
    workbook's structure is locked, and the scan of every worksheet part."""
    if content.startswith(_OLE_SIGNATURE):
        raise SpreadsheetRefused(
            _("El libro está protegido con contraseña; guárdelo sin contraseña e intente de nuevo."),
            code="encrypted",
        )
    if not content.startswith(_ZIP_SIGNATURE):
        raise _corrupt()
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise _corrupt() from error
    limit = settings.IGM_MAX_UNCOMPRESSED_BYTES
    declared = sum(info.file_size for info in members)
    if len(members) > _MAX_MEMBERS or declared > limit:
        raise _too_large(declared, limit)
    view, parts, scans = memoryview(content), {}, {}
    for info in members:
        name = info.filename
        if not name.endswith((".xml", ".rels")):
            continue
        scan = _SheetScan() if name.startswith("xl/worksheets/") else None
        kept = [] if scan is None else None
        size = 0
        for chunk in _member_chunks(view, info):
            size += len(chunk)
            # More than the archive declares (whose sum is within the limit): a crafted bomb.
            if size > info.file_size:
                raise _corrupt()
            if scan is not None:
                scan.feed(chunk)
            else:
                kept.append(chunk)
        if size != info.file_size:  # the archive lies about the member: not a file to trust
            raise _corrupt()
        if scan is not None:
            scan.feed(b"", last=True)
            scans[name] = scan
        else:
            parts[name] = b"".join(kept)
    try:
        return (*_workbook_layout(parts), scans)
    except (KeyError, ElementTree.ParseError) as error:
        raise _corrupt() from error


def _workbook_layout(parts: dict[str, bytes]) -> tuple[dict[str, str], bool]:
    """Sheet name → worksheet part, and whether the workbook's structure is locked."""
    root = _relationships(parts["_rels/.rels"], "")
    workbook_path = next(path for kind, path in root.values() if kind.endswith("/officeDocument"))
    base = dirname(workbook_path)
    rels_path = join(base, "_rels", workbook_path.rsplit("/", 1)[-1] + ".rels")
    targets = _relationships(parts[rels_path], base) if rels_path in parts else {}
    sheets, locked = {}, False
    for element in ElementTree.fromstring(parts[workbook_path]).iter():  # noqa: S314 - bounded above
        tag = _local_name(element.tag)
        if tag == "sheet":
            relation = next((v for k, v in element.attrib.items() if _local_name(k) == "id"), "")
            sheets[element.get("name", "")] = targets.get(relation, ("", ""))[1]
        elif tag == "workbookProtection":
            locked = element.get("lockStructure") in ("1", "true") or any(
                element.get(attribute) for attribute in ("workbookPassword", "workbookHashValue")
            )
    return sheets, locked


def xlsx_rows(
    content: bytes, *, sheet: str | int | None = None, max_rows: int | None = None
) -> Iterator[tuple[int, tuple]]:
    """The rows of one sheet (by name or index; the first by default) of an uploaded XLSX, checked
    as the module says; raises SpreadsheetRefused, at the first ``next()``."""
    book = XlsxBook(content, max_rows=max_rows)
    try:
        yield from book.rows(sheet)
    finally:
        book.__exit__()


def rows_capped(rows, *, max_rows: int | None = None) -> Iterator[tuple[int, tuple]]:
    """Rows of a text file (CSV) up to IGM_MAX_ROWS_PER_FILE; one more is refused, as for XLSX."""
    limit = settings.IGM_MAX_ROWS_PER_FILE if max_rows is None else max_rows
    for number, values in enumerate(rows, start=1):
        if number > limit:
            raise SpreadsheetRefused(
                _("El archivo tiene más de %(limit)s filas, el máximo por archivo. Divídalo en varios.")
                % {"limit": units(limit)},
                code="too_many_rows",
            )
        yield number, values
