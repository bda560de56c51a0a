"""What a cost-centre officer reads: the deviations of the subproducts their centres produce."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from common.calendar import period_label
from reporting.documents import Deviation
from reporting.permissions import officer_subproducts
from reporting.selectors.deviations import deviation_notes_open
from reporting.selectors.documents import period_report_for, report_document


@dataclass(frozen=True)
class SubproductDeviations:
    """A subproduct's lines outside the band (Física, Financiera or both), each with its own note."""

    subproduct_id: int
    code: str
    name: str
    lines: tuple[Deviation, ...]


@dataclass(frozen=True)
class OfficerDeviations:
    year: int
    period: int
    period_label: str
    subproducts: tuple[SubproductDeviations, ...]
    notes_open: bool
    low_pct: Decimal
    high_pct: Decimal


def officer_deviations(*, user, year: int, period: int) -> OfficerDeviations:
    """The deviations of the period page's document, only those of the subproducts the
    officer's cost centres produce, grouped by subproduct (each line has its own note)."""
    institution = user.institution
    document = report_document(institution=institution, year=year, period=period)
    own = set(officer_subproducts(user=user).values_list("id", flat=True))
    grouped: dict[int, list[Deviation]] = {}
    for deviation in document.deviations:
        if deviation.subproduct_id in own:
            grouped.setdefault(deviation.subproduct_id, []).append(deviation)
    return OfficerDeviations(
        year=year,
        period=period,
        period_label=period_label(period),
        subproducts=tuple(
            SubproductDeviations(
                subproduct_id=subproduct_id,
                code=lines[0].code,
                name=lines[0].name,
                lines=tuple(lines),
            )
            for subproduct_id, lines in grouped.items()
        ),
        notes_open=deviation_notes_open(
            period_report=period_report_for(institution=institution, year=year, period=period)
        ),
        low_pct=document.low_pct,
        high_pct=document.high_pct,
    )
