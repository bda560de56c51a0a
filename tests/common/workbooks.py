"""Workbooks as users' programs save them, built byte by byte where openpyxl cannot: formula cells
with the value Excel or LibreOffice computed, error cells, archives that lie about their sizes."""

from __future__ import annotations

import io
import re
import struct
import zipfile

from openpyxl import Workbook

SHEET1 = "xl/worksheets/sheet1.xml"


def workbook_bytes(rows, *, title: str = "Hoja", more_sheets: dict | None = None, start: str = "A1") -> bytes:
    """A workbook whose first sheet holds ``rows`` from the cell ``start``; ``more_sheets`` maps
    further sheets' titles to their rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    first_row = int(re.sub(r"\D", "", start))
    first_column = ord(re.sub(r"\d", "", start)) - ord("A") + 1
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=first_column):
            if value is not None:
                sheet.cell(row=first_row + offset, column=column, value=value)
    for name, sheet_rows in (more_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite_member(content: bytes, name: str, transform) -> bytes:
    """The archive with one member's bytes replaced by ``transform(bytes)``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, transform(data) if info.filename == name else data)
    return out.getvalue()


def with_computed_values(content: bytes, values: dict[str, str], *, member: str = SHEET1) -> bytes:
    """Give formula cells (``{"E2": "20"}``) the value a spreadsheet program saves beside them."""

    def computed(xml: bytes) -> bytes:
        for reference, value in values.items():
            pattern = rb'(<c r="' + reference.encode() + rb'"[^>]*>)(<f>.*?</f>)(?:<v\s*/>|<v>.*?</v>)?'
            xml, found = re.subn(pattern, rb"\1\2<v>" + value.encode() + rb"</v>", xml)
            assert found == 1, reference
        return xml

    return rewrite_member(content, member, computed)


def with_error_value(content: bytes, reference: str, error: str, *, member: str = SHEET1) -> bytes:
    """A cell holding an error such as #DIV/0!, as Excel saves a formula that failed."""

    def failed(xml: bytes) -> bytes:
        pattern = rb'<c r="' + reference.encode() + rb'"[^>]*>.*?</c>'
        cell = f'<c r="{reference}" t="e"><f>1/0</f><v>{error}</v></c>'.encode()
        xml, found = re.subn(pattern, cell, xml)
        assert found == 1, reference
        return xml

    return rewrite_member(content, member, failed)


def zip_bomb(inflated: int, *, declared: int | None = None, filler: bytes = b" ") -> bytes:
    """A small workbook whose sheet inflates to about ``inflated`` bytes of ``filler`` repeated; with
    ``declared``, its headers (local and central) claim that size instead, as a crafted bomb does."""
    base = workbook_bytes([["centro_costo"]])
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != SHEET1:
                target.writestr(info.filename, source.read(info.filename))
                continue
            xml = source.read(SHEET1)
            head, tail = xml.split(b"</sheetData>", 1)
            with target.open(SHEET1, "w") as member:
                member.write(head)
                block = filler * ((1 << 20) // len(filler))
                left = inflated
                while left > 0:
                    member.write(block[:left])
                    left -= len(block)
                member.write(b"</sheetData>" + tail)
    data = bytearray(out.getvalue())
    if declared is not None:
        _declare_size(data, SHEET1.encode(), declared)
    return bytes(data)


def _declare_size(data: bytearray, name: bytes, size: int) -> None:
    """Write ``size`` as the member's uncompressed size in its local and its central header."""
    headers = ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46))
    for signature, size_at, name_length_at, name_at in headers:
        position = data.find(signature)
        while position != -1:
            length = struct.unpack_from("<H", data, position + name_length_at)[0]
            if data[position + name_at : position + name_at + length] == name:
                struct.pack_into("<I", data, position + size_at, size)
                break
            position = data.find(signature, position + 4)
