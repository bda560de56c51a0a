"""The portal's open data: three datasets, their data dictionary, and CSV, JSON and XLSX writers.

A dataset's columns are declared once: the dictionary page, the files' headers and the order of the
values all read ``DATASETS``. Amounts are written with two places as text in CSV and JSON (never a
float) and as numbers in XLSX.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook

from common.spreadsheets import MONEY_FORMAT, neutralise

TEXT, INTEGER, MONEY, FIGURE, PERCENT = "texto", "entero", "quetzales", "cifra", "porcentaje"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


_CHAIN = (
    Column(
        "producto_codigo",
        TEXT,
        "Categoría programática del producto (programa-subprograma-proyecto-actividad).",
    ),
    Column("producto", TEXT, "Nombre del producto."),
    Column("subproducto_codigo", TEXT, "Código del subproducto; vacío en la meta propia del producto."),
    Column("subproducto", TEXT, "Nombre del subproducto; vacío en la meta propia del producto."),
    Column("unidad_medida", TEXT, "Unidad de medida de la meta física (Persona, Documento…)."),
)

DATASETS = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            "metas",
            "Metas de los planes aprobados",
            "Metas físicas y financieras anuales, iniciales y vigentes, de cada producto y subproducto de "
            "los planes aprobados por la institución.",
            (
                Column("plan", TEXT, "Nombre del plan aprobado."),
                Column("tipo_plan", TEXT, "PEI, POM o POA."),
                Column("acto_aprobacion", TEXT, "Acto que aprobó el plan."),
                Column("anio", INTEGER, "Año de la meta."),
                *_CHAIN,
                Column("meta_fisica_inicial", INTEGER, "Meta física anual inicial, en unidades."),
                Column("meta_fisica_vigente", INTEGER, "Meta física anual vigente tras reprogramaciones."),
                Column("meta_financiera_inicial", MONEY, "Meta financiera anual inicial, en quetzales."),
                Column("meta_financiera_vigente", MONEY, "Meta financiera anual vigente, en quetzales."),
            ),
        ),
        Dataset(
            "ejecucion",
            "Ejecución mensual aprobada",
            "Ejecución física y financiera de cada subproducto por mes, sumada sobre los centros de costo, "
            "solo de los meses que planificación aprobó.",
            (
                Column("anio", INTEGER, "Año."),
                Column("mes", INTEGER, "Mes (1 = enero … 12 = diciembre)."),
                Column("plan", TEXT, "Plan al que pertenece el subproducto."),
                *_CHAIN,
                Column("ejecucion_fisica", INTEGER, "Unidades ejecutadas en el mes."),
                Column("ejecucion_financiera", MONEY, "Quetzales ejecutados en el mes."),
            ),
        ),
        Dataset(
            "reportes",
            "Cifras de los reportes cuatrimestrales firmados",
            "Cada fila del reporte SIPLAN «Avance de Metas Físicas y Financieras» firmado, tal como se "
            "firmó: una línea física y una financiera por producto y subproducto.",
            (
                Column("anio", INTEGER, "Año del reporte."),
                Column(
                    "cuatrimestre",
                    INTEGER,
                    "Cuatrimestre (1 enero-abril, 2 mayo-agosto, 3 septiembre-diciembre).",
                ),
                Column("bloque", TEXT, "Resultado institucional del bloque, o «Sin Resultado»."),
                Column("tipo", TEXT, "producto o subproducto."),
                Column("codigo", TEXT, "Código del producto o subproducto."),
                Column("nombre", TEXT, "Nombre del producto o subproducto."),
                Column("unidad_medida", TEXT, "Unidad de medida."),
                Column("meta", TEXT, "Física (cifras en unidades) o Financiera (cifras en quetzales)."),
                Column("inicial_anual", FIGURE, "Meta inicial anual."),
                Column("reprogramaciones", INTEGER, "Número de reprogramaciones de la meta."),
                Column("meta_vigente", FIGURE, "Meta vigente."),
                Column("mes_1", FIGURE, "Ejecución del primer mes del cuatrimestre."),
                Column("mes_2", FIGURE, "Ejecución del segundo mes del cuatrimestre."),
                Column("mes_3", FIGURE, "Ejecución del tercer mes del cuatrimestre."),
                Column("mes_4", FIGURE, "Ejecución del cuarto mes del cuatrimestre."),
                Column("total_cuatrimestre", FIGURE, "Suma de los cuatro meses."),
                Column("pct_cuatrimestre", PERCENT, "Total del cuatrimestre ÷ meta vigente × 100."),
                Column("acumulado", FIGURE, "Ejecución de enero al último mes del cuatrimestre."),
                Column("pct_acumulado", PERCENT, "Acumulado ÷ meta vigente × 100."),
                Column("pct_acumulado_metas_iniciales", PERCENT, "Acumulado ÷ meta inicial × 100."),
            ),
        ),
    )
}

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _text(value) -> str | int:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return "" if value is None else value


def write_csv(dataset: Dataset, rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(dataset.names)
    for row in rows:
        writer.writerow([neutralise(_text(row[name])) for name in dataset.names])
    # The BOM lets spreadsheet programs read the accents as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_json(dataset: Dataset, rows: list[dict], *, institution: str, updated: str) -> bytes:
    payload = {
        "conjunto": dataset.slug,
        "titulo": dataset.title,
        "institucion": institution,
        "actualizado": updated,
        "columnas": {column.name: column.description for column in dataset.columns},
        "filas": [{name: _text(row[name]) for name in dataset.names} for row in rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def write_xlsx(dataset: Dataset, rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = dataset.slug
    sheet.append(dataset.names)
    formats = {MONEY: MONEY_FORMAT, FIGURE: MONEY_FORMAT, PERCENT: MONEY_FORMAT}
    for row in rows:
        sheet.append([neutralise(row[name]) for name in dataset.names])
    for index, column in enumerate(dataset.columns, start=1):
        if column.kind in formats:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = formats[column.kind]
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
