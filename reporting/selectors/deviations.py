"""Deviations of the SIPLAN report: lines outside the expected band, and the units' explanations."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from common.figures import CENT, percentage
from planning.models import Institution
from reporting.documents import Deviation
from reporting.models import DeviationNote, PeriodReport
from reporting.selectors.siplan import MEASURE_LABELS, SiplanReport


def deviation_band() -> tuple[Decimal, Decimal]:
    return Decimal(settings.IGM_DEVIATION_LOW_PCT), Decimal(settings.IGM_DEVIATION_HIGH_PCT)


def report_deviations(*, report: SiplanReport, notes: dict[int, str]) -> tuple[Deviation, ...]:
    """Subproduct lines whose accumulated progress is outside [low, high] % of the goal expected
    by the end of the period (the current goal × period ÷ 3), with the explanation if written."""
    low, high = deviation_band()
    found = []
    for block in report.blocks:
        for row in block.rows:
            if row.kind != "subproduct":
                continue
            for line in (row.physical, row.financial):
                progress = percentage(line.accumulated * 3, line.current * report.period)
                expected = (line.current * report.period / 3).quantize(CENT, rounding=ROUND_HALF_UP)
                # A zero goal with execution is a deviation; a zero goal without any is not.
                outside = line.accumulated > 0 if not line.current else not low <= progress <= high
                if outside:
                    found.append(
                        Deviation(
                            subproduct_id=row.id,
                            code=row.code,
                            name=row.name,
                            measure=MEASURE_LABELS[line.measure],
                            progress_pct=progress,
                            text=notes.get(row.id, ""),
                            expected=expected,
                            accumulated=line.accumulated,
                        )
                    )
    return tuple(found)


def deviation_notes_open(*, period_report: PeriodReport | None) -> bool:
    """Explanations are written while the period's report is in preparation (or returned to it);
    once it is sent, approved or signed they are read-only."""
    return period_report is None or period_report.status == PeriodReport.Status.DRAFT


def deviation_notes(*, institution: Institution, year: int, period: int) -> dict[int, str]:
    return dict(
        DeviationNote.objects.filter(
            subproduct__product__plan__institution=institution, year=year, period=period
        ).values_list("subproduct_id", "text")
    )
