"""Two rows of IGM's SIPLAN report of 2024's third period, with its cover letter, one deviation and
one detail row: a ``ReportDocument`` for the renderer tests, which need no database.

The rows' figures are read from reference/siplan-cuatrimestre-3-2024.txt; the flags (months
without execution, over-execution) are written here as the reference shows them."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from reporting.documents import DetailRow, Deviation, Letter, ReportDocument
from reporting.selectors.siplan import MeasureLine, ReportBlock, ReportRow, SiplanReport
from tests.siplan_reference import reference_rows

ALL_REPORTED = (True, True, True, True)


def _line(measure: str, figures: dict, *, reported=ALL_REPORTED, over=False) -> MeasureLine:
    return MeasureLine(
        measure=measure,
        initial=figures["initial"],
        reprogrammings=int(figures["reprogrammings"]),
        current=figures["current"],
        months=tuple(figures[f"month_{number}"] for number in range(1, 5)),
        months_reported=reported,
        period_total=figures["period_total"],
        period_pct=figures["period_pct"],
        accumulated=figures["accumulated"],
        accumulated_pct=figures["accumulated_pct"],
        accumulated_initial_pct=figures["accumulated_initial_pct"],
        over_executed=over,
    )


def _row(kind: str, id: int, code: str, name: str, *, financial_reported=ALL_REPORTED, over=False):
    """The reference's first row of that name (a product comes before its subproduct of the same name)."""
    reference = next(row for row in reference_rows() if row.name == name)
    return ReportRow(
        kind=kind,
        id=id,
        code=code,
        name=name,
        unit=reference.unit,
        physical=_line("physical", reference.physical),
        financial=_line("financial", reference.financial, reported=financial_reported, over=over),
    )


# Financial execution of 8,438,072.00 on a goal of 8,114,876.00: 103.98 %, over-executed.
SHELTERS = _row(
    "subproduct", 2, "S-ALB", "Migrantes Atendidos en Albergues y Centros de Retornados", over=True
)
# No financial execution reported in September and November.
CONTRIBUTIONS = _row(
    "product",
    1,
    "P-APO",
    "Aportes a Instituciones Nacionales e Internacionales",
    financial_reported=(False, True, False, True),
)


def siplan_excerpt_report(*, rows=(CONTRIBUTIONS, SHELTERS)) -> SiplanReport:
    return SiplanReport(
        institution_code="IGM",
        institution_name="Instituto Guatemalteco de Migración",
        institution_budget_code="1120-0069-000-000",
        plan_id=1,
        plan_name="POA 2024",
        year=2024,
        period=3,
        period_ordinal="Tercer",
        period_short="3er",
        period_label="septiembre - diciembre",
        month_numbers=(9, 10, 11, 12),
        month_names=("Septiembre", "Octubre", "Noviembre", "Diciembre"),
        accumulated_months=tuple(range(1, 13)),
        blocks=(ReportBlock(result_id=None, result_code="", title="Sin Resultado", rows=tuple(rows)),),
        signer_name="Lic. Alfredo Danilo Rivera",
        signer_title="Director General",
    )


LETTER = Letter(
    code="OFICIO-IGM-DG-026-2025",
    date=date(2025, 1, 14),
    place="Guatemala",
    addressee_name="Licenciado Carlos Mendoza Alvarado",
    addressee_title="Secretario General de Planificación",
    request_reference="OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo",
    signer_name="Lic. Alfredo Danilo Rivera",
    signer_title="Director General",
    institution_name="Instituto Guatemalteco de Migración",
    address="6ta. avenida 3-11, zona 4, Ciudad de Guatemala",
    phone="+502 2411 2411",
    email="info@igm.gob.gt",
)
DEVIATION = Deviation(
    subproduct_id=SHELTERS.id,
    code=SHELTERS.code,
    name=SHELTERS.name,
    measure="Financiera",
    progress_pct=Decimal("103.98"),
    text="Aumento de retornos en diciembre.",
    expected=Decimal("8114876.00"),
    accumulated=Decimal("8438072.00"),
)
# Shelters' months of the period at Delegación Central, November not reported.
DETAIL = DetailRow(
    cost_centre_code="CC-01",
    cost_centre_name="Delegación Central",
    subproduct_code=SHELTERS.code,
    subproduct_name=SHELTERS.name,
    physical=(4338, 4505, None, 16148),
    financial=(Decimal("625308.17"), Decimal("722913.37"), None, Decimal("1076973.59")),
)


def siplan_excerpt_document(*, report=None, draft=False, detail_name=None) -> ReportDocument:
    """The excerpt with its letter; ``detail_name`` renames the detail row's cost centre."""
    detail = DETAIL if detail_name is None else replace(DETAIL, cost_centre_name=detail_name)
    return ReportDocument(
        report=report or siplan_excerpt_report(),
        letter=LETTER,
        deviations=(DEVIATION,),
        detail=(detail,),
        low_pct=Decimal("70"),
        high_pct=Decimal("110"),
        draft=draft,
    )
