"""The figures of reference/siplan-cuatrimestre-3-2024.txt, read from the document itself."""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "docs" / "reference"

FIELDS = (
    "initial",
    "reprogrammings",
    "current",
    "month_1",
    "month_2",
    "month_3",
    "month_4",
    "period_total",
    "period_pct",
    "accumulated",
    "accumulated_pct",
    "accumulated_initial_pct",
)

# The figures of a report line as the JSON of the report names them: the months make one list.
LINE_KEYS = (*FIELDS[:3], "months", *FIELDS[7:])


@dataclass(frozen=True)
class ReferenceRow:
    name: str
    unit: str
    physical: dict
    financial: dict


def _figures(cells: list[str]) -> dict:
    # Columns: Inicial, Reprogramaciones, Vigentes, "Ejecución …", 4 months, Total, %, Acumulado, %, %.
    values = cells[3:6] + cells[7:16]
    return {name: Decimal(value.replace(",", "")) for name, value in zip(FIELDS, values, strict=True)}


def reference_rows() -> list[ReferenceRow]:
    lines = (REFERENCE_DIR / "siplan-cuatrimestre-3-2024.txt").read_text(encoding="utf-8").splitlines()
    rows = []
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) == 16 and cells[2] == "Física":
            financial = lines[index + 1].split("\t")
            assert financial[2] == "Financiera"
            rows.append(ReferenceRow(cells[0], cells[1], _figures(cells), _figures(financial)))
    return rows
