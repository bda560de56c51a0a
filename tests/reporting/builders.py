"""A ``ReportDocument`` built by hand from figures of reference/siplan-cuatrimestre-3-2024.txt,
for renderer tests that need no database."""

from datetime import date
from decimal import Decimal

from reporting.documents import DetailRow, Deviation, Letter, ReportDocument
from reporting.selectors.siplan import MeasureLine, ReportBlock, ReportRow, SiplanReport


def line(
    measure,
    initial,
    reprogrammings,
    current,
    months,
    period_pct,
    accumulated,
    acc_pct,
    acc_init_pct,
    *,
    reported=(True, True, True, True),
    over=False,
):
    months = tuple(Decimal(m) for m in months)
    return MeasureLine(
        measure=measure,
        initial=Decimal(initial),
        reprogrammings=reprogrammings,
        current=Decimal(current),
        months=months,
        months_reported=reported,
        period_total=sum(months, Decimal("0.00")),
        period_pct=Decimal(period_pct),
        accumulated=Decimal(accumulated),
        accumulated_pct=Decimal(acc_pct),
        accumulated_initial_pct=Decimal(acc_init_pct),
        over_executed=over,
    )


SHELTERS = ReportRow(
    kind="subproduct",
    id=2,
    code="S-ALB",
    name="Migrantes Atendidos en Albergues y Centros de Retornados",
    unit="Persona",
    physical=line(
        "physical",
        "110613",
        1,
        "100149",
        ["4338", "4505", "4577", "16148"],
        "29.52",
        "76720",
        "76.61",
        "69.36",
    ),
    financial=line(
        "financial",
        "8114876.00",
        0,
        "8114876.00",
        ["625308.17", "722913.37", "614635.48", "1076973.59"],
        "37.46",
        "8438072.00",
        "103.98",
        "103.98",
        over=True,
    ),
)
CONTRIBUTIONS = ReportRow(
    kind="product",
    id=1,
    code="P-APO",
    name="Aportes a Instituciones Nacionales e Internacionales",
    unit="Documento",
    physical=line("physical", "16", 0, "16", ["2", "1", "2", "1"], "37.50", "16", "100.00", "100.00"),
    financial=line(
        "financial",
        "60225000.00",
        0,
        "60225000.00",
        ["0.00", "7885115.74", "0.00", "24462555.58"],
        "53.71",
        "59790947.63",
        "99.28",
        "99.28",
        reported=(False, True, False, True),
    ),
)


def sample_report(*, rows=(CONTRIBUTIONS, SHELTERS), signer="Lic. Alfredo Danilo Rivera") -> SiplanReport:
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
        signer_name=signer,
        signer_title="Director General",
    )


def sample_document(*, report=None, draft=False, detail_name="Delegación Central") -> ReportDocument:
    return ReportDocument(
        report=report or sample_report(),
        letter=Letter(
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
        ),
        deviations=(
            Deviation(
                subproduct_id=2,
                code="S-ALB",
                name=SHELTERS.name,
                measure="Financiera",
                progress_pct=Decimal("103.98"),
                text="Aumento de retornos en diciembre.",
                expected=Decimal("8114876.00"),
                accumulated=Decimal("8438072.00"),
            ),
        ),
        detail=(
            DetailRow(
                cost_centre_code="CC-01",
                cost_centre_name=detail_name,
                subproduct_code="S-ALB",
                subproduct_name=SHELTERS.name,
                physical=(4338, 4505, None, 16148),
                financial=(Decimal("625308.17"), Decimal("722913.37"), None, Decimal("1076973.59")),
            ),
        ),
        low_pct=Decimal("70"),
        high_pct=Decimal("110"),
        draft=draft,
    )
