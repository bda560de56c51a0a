"""Deviations of the SIPLAN report: lines outside the expected band, and the units' explanations."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from common.figures import CENT, percentage
from planning.models import Institution
from reporting.documents import Deviation
from reporting.models import DeviationNote, PeriodReport
from reporting.selectors.siplan import MEASURE_LABELS, MeasureLine, SiplanReport


def deviation_band() -> tuple[Decimal, Decimal]:
    return Decimal(settings.IGM_DEVIATION_LOW_PCT), Decimal(settings.IGM_DEVIATION_HIGH_PCT)


def line_progress(line: MeasureLine, period: int) -> tuple[Decimal, Decimal, bool]:
    """(expected by the period's end, accumulated ÷ expected × 100, whether it is a deviation):
    against the programmed accumulated when the goal is programmed, else the straight line (the
    current goal × period ÷ 3)."""
    low, high = deviation_band()
    if line.programmed_accumulated is not None:
        expected = line.programmed_accumulated
        progress = percentage(line.accumulated, expected)
        # Nothing programmed to date: 0.00 and no deviation.
        return expected, progress, bool(expected) and not low <= progress <= high
    progress = percentage(line.accumulated * 3, line.current * period)
    expected = (line.current * period / 3).quantize(CENT, rounding=ROUND_HALF_UP)
    # A zero goal with execution is a deviation; a zero goal without any is not.
    outside = line.accumulated > 0 if not line.current else not low <= progress <= high
    return expected, progress, outside


def report_deviations(*, report: SiplanReport, notes: dict[tuple[int, str], str]) -> tuple[Deviation, ...]:
    """Subproduct lines whose accumulated progress is outside [low, high] % of what was expected by
    the end of the period (``line_progress``), each with its measure's explanation if written."""
    found = []
    for block in report.blocks:
        for row in block.rows:
            if row.kind != "subproduct":
                continue
            for line in (row.physical, row.financial):
                expected, progress, outside = line_progress(line, report.period)
                if outside:
                    found.append(
                        Deviation(
                            subproduct_id=row.id,
                            code=row.code,
                            name=row.name,
                            measure=MEASURE_LABELS[line.measure],
                            progress_pct=progress,
                            text=notes.get((row.id, line.measure), ""),
                            expected=expected,
                            accumulated=line.accumulated,
                            basis="uniform" if line.programmed_accumulated is None else "programmed",
                        )
                    )
    return tuple(found)


def deviation_notes_open(*, period_report: PeriodReport | None) -> bool:
    """Explanations are written while the period's report is in preparation (or returned to it);
    once it is sent, approved or signed they are read-only."""
    return period_report is None or period_report.status == PeriodReport.Status.DRAFT


def deviation_notes(*, institution: Institution, year: int, period: int) -> dict[tuple[int, str], str]:
    """The period's explanations by (subproduct id, measure)."""
    return {
        (subproduct_id, measure): text
        for subproduct_id, measure, text in DeviationNote.objects.filter(
            subproduct__product__plan__institution=institution, year=year, period=period
        ).values_list("subproduct_id", "measure", "text")
    }


def note_key(subproduct_id: int, measure: str) -> str:
    """The name of a note's box and its key in the page's version snapshot."""
    return f"note-{subproduct_id}-{measure}"


def notes_version_values(deviations) -> dict[str, str]:
    """The explanations a notes page shows, by ``note_key`` (for ``common.versions``)."""
    return {note_key(d.subproduct_id, d.measure_code): d.text for d in deviations}
