"""Execution files as officers fill them in: the template's columns, then one row a list."""

import csv
import io

from openpyxl import Workbook

# The first line of the execution template as CSV, as the officers' instructions write it.
HEADER_LINE = "centro_costo,subproducto,anio,mes,ejecucion_fisica,ejecucion_financiera,observaciones"
COLUMNS = tuple(HEADER_LINE.split(","))


def xlsx_bytes(rows, headers=COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, headers=COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
