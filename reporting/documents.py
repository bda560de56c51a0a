"""What the renderers receive: the SIPLAN report plus its cover letter, notes and monthly detail.

A ``ReportDocument`` round-trips through JSON exactly (Decimals as strings with two places), so a
signed period keeps its JSON snapshot and is re-rendered from it byte for byte the same figures.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from reporting.selectors.siplan import MeasureLine, ReportBlock, ReportRow, SiplanReport, jsonable

# Bump when a renderer's output changes, so stored results of the old layout are not reused.
RENDERER_VERSION = 6

SEGEPLAN_NAME = "Secretaría de Planificación y Programación de la Presidencia"


@dataclass(frozen=True)
class Letter:
    """The cover letter (oficio) to SEGEPLAN that goes before the report."""

    code: str  # empty until the report is approved and the letter numbered
    date: date | None
    place: str
    addressee_name: str
    addressee_title: str
    request_reference: str
    signer_name: str
    signer_title: str
    institution_name: str
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class Deviation:
    """A subproduct line outside the expected band, with the unit's explanation (maybe missing)."""

    subproduct_id: int
    code: str
    name: str
    measure: str
    progress_pct: Decimal  # accumulated ÷ expected by the period's end × 100
    text: str
    # What was expected by the end of the period (the programmed accumulated, or without programming
    # the current goal × period ÷ 3) and the accumulated execution it is compared with; None only in
    # snapshots approved before they were recorded.
    expected: Decimal | None = None
    accumulated: Decimal | None = None
    basis: str = "uniform"  # "programmed" or "uniform" (straight line: no programming)

    @property
    def programmed(self) -> bool:
        return self.basis == "programmed"

    @property
    def measure_code(self) -> str:
        """``physical`` or ``financial``: the key of its note (snapshots keep only the label)."""
        return "financial" if self.measure == "Financiera" else "physical"


@dataclass(frozen=True)
class DetailRow:
    """Monthly execution of one subproduct by one cost centre in the period."""

    cost_centre_code: str
    cost_centre_name: str
    subproduct_code: str
    subproduct_name: str
    physical: tuple[int | None, ...]
    financial: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class ReportDocument:
    report: SiplanReport
    letter: Letter
    deviations: tuple[Deviation, ...]
    detail: tuple[DetailRow, ...]
    low_pct: Decimal
    high_pct: Decimal
    draft: bool

    def to_json_data(self) -> dict:
        return jsonable(asdict(self))

    @property
    def letter_body(self) -> tuple[str, ...]:
        """The letter's paragraphs after "Señor Secretario:", as plain text (HTML and PDF alike)."""
        report, letter = self.report, self.letter
        request = f"lo solicitado en {letter.request_reference} y a " if letter.request_reference else ""
        return (
            "Tengo el agrado de dirigirme a usted, deseándole éxitos en las actividades a su digno "
            f"cargo. El propósito del presente es para dar cumplimiento a {request}lo establecido en la "
            "Ley Orgánica del Presupuesto, Artículo 17 Bis. Acceso a la Información de la Gestión "
            'Presupuestaria por Resultados, en su párrafo tercero, el cual indica: "La Presidencia de '
            "la República por medio de la Secretaría de Planificación y Programación de la Presidencia, "
            "con el objeto de efectuar un adecuado seguimiento que permita verificar la calidad del gasto "
            "Público, deberá entregar en los primeros quince días de finalizado cada cuatrimestre del "
            "ejercicio fiscal al Congreso de la República, las metas y sus respectivos indicadores de "
            "desempeño y calidad del gasto, así como la información oportuna que actualice los avances "
            'cada cuatro meses."',
            f"Para lo cual, me permito remitir el reporte correspondiente al {report.period_ordinal} "
            f"Cuatrimestre ({report.period_label}) de la ejecución de metas físicas y financieras del "
            f"ejercicio fiscal {report.year} de productos institucionales, vinculados a la Política "
            f"General de Gobierno 2024-2028, del {letter.institution_name}; así como información "
            "ingresada al Sistema de Planes Institucionales -SIPLAN-, consolidada en el siguiente reporte:",
        )

    @property
    def letter_attachment(self) -> str:
        """The one item the letter lists: the report it sends."""
        report = self.report
        return (
            f"Avance de Metas Físicas y Financieras - Ejecución Mensual {report.period_ordinal} "
            f"Cuatrimestre {report.year}"
        )

    def fingerprint(self, *, format: str, signed: bool) -> str:
        """Digest of everything that shapes the output: identical data → identical fingerprint."""
        payload = {"data": self.to_json_data(), "format": format, "signed": signed, "v": RENDERER_VERSION}
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _measure_from_json(data: dict) -> MeasureLine:
    return MeasureLine(
        measure=data["measure"],
        initial=Decimal(data["initial"]),
        reprogrammings=data["reprogrammings"],
        current=Decimal(data["current"]),
        months=tuple(Decimal(m) for m in data["months"]),
        months_reported=tuple(data["months_reported"]),
        period_total=Decimal(data["period_total"]),
        period_pct=Decimal(data["period_pct"]),
        accumulated=Decimal(data["accumulated"]),
        accumulated_pct=Decimal(data["accumulated_pct"]),
        accumulated_initial_pct=Decimal(data["accumulated_initial_pct"]),
        over_executed=data["over_executed"],
        programmed_months=None
        if data.get("programmed_months") is None
        else tuple(Decimal(m) for m in data["programmed_months"]),
        programmed_accumulated=_decimal(data.get("programmed_accumulated")),
    )


def siplan_report_from_json(data: dict) -> SiplanReport:
    blocks = tuple(
        ReportBlock(
            result_id=block["result_id"],
            result_code=block["result_code"],
            title=block["title"],
            rows=tuple(
                ReportRow(
                    **{key: row[key] for key in ("kind", "id", "code", "name", "unit")},
                    physical=_measure_from_json(row["physical"]),
                    financial=_measure_from_json(row["financial"]),
                )
                for row in block["rows"]
            ),
        )
        for block in data["blocks"]
    )
    tuples = ("month_numbers", "month_names", "accumulated_months", "notes")
    return SiplanReport(
        **{key: value for key, value in data.items() if key not in {"blocks", *tuples}},
        **{key: tuple(data.get(key, ())) for key in tuples},
        blocks=blocks,
    )


def document_from_json(data: dict) -> ReportDocument:
    letter = dict(data["letter"])
    letter["date"] = date.fromisoformat(letter["date"]) if letter["date"] else None
    return ReportDocument(
        report=siplan_report_from_json(data["report"]),
        letter=Letter(**letter),
        deviations=tuple(
            Deviation(
                **{
                    **item,
                    "progress_pct": Decimal(item["progress_pct"]),
                    "expected": _decimal(item.get("expected")),
                    "accumulated": _decimal(item.get("accumulated")),
                }
            )
            for item in data["deviations"]
        ),
        detail=tuple(
            DetailRow(
                **{key: row[key] for key in ("cost_centre_code", "cost_centre_name")},
                **{key: row[key] for key in ("subproduct_code", "subproduct_name")},
                physical=tuple(row["physical"]),
                financial=tuple(_decimal(value) for value in row["financial"]),
            )
            for row in data["detail"]
        ),
        low_pct=Decimal(data["low_pct"]),
        high_pct=Decimal(data["high_pct"]),
        draft=data["draft"],
    )
