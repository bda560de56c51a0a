"""The SIPLAN report's fixed wording, as the reference report writes it: one home for the XLSX and
PDF renderers (the HTML download's template writes the same words)."""

from common.formats import figure
from reporting.selectors.siplan import SiplanReport

SYSTEM = "Sistema de Planes Institucionales -SIPLAN-"
TITLE = "Reporte de Avance de Metas Físicas y Financieras"
DRAFT_FLAG = "BORRADOR — pendiente de aprobación y firma"
LINKED_TO_INSTITUTIONAL_RESULTS = "Productos vinculados a RI/PGG 2024-2028"
# SIPLAN's second group of products (those linked to a strategic result); IGM's plan has none, and
# the heading is printed alone, as in IGM's reference report.
LINKED_TO_STRATEGIC_RESULTS = "Productos vinculados a RE"
SIGNATURE_LABEL = "Firma y sello de la máxima autoridad"
OVER_EXECUTION = "Sobreejecución: lo acumulado supera la meta vigente."
NO_EXECUTION = "Mes sin ejecución reportada."
MISSING_EXPLANATION = "Pendiente de explicación."


def period_line(report: SiplanReport) -> str:
    return f"Ejecución mensual - {report.period_ordinal} Cuatrimestre {report.year}"


def siplan_titles(first: str, month_names, short: str) -> list[str]:
    """The SIPLAN table's column titles, as the reference report writes them."""
    return [
        first,
        "Unidad de Medida",
        "Metas física/financiera",
        "Inicial anual",
        "Reprogramaciones",
        "Metas vigentes",
        "Ejecución física/financiera",
        *month_names,
        "Total",
        f"% {short} cuatrimestre",
        f"Acumulado al {short} cuatrimestre",
        f"% de Avance acumulado al {short} cuatrimestre",
        f"% de Avance acumulado al {short} cuatrimestre con metas iniciales",
    ]


def deviation_notes_title(low_pct, high_pct) -> str:
    return (
        "Notas: explicación de desviaciones (avance acumulado fuera del "
        f"{figure(low_pct, 0)} %–{figure(high_pct, 0)} % de lo programado al cierre del cuatrimestre; "
        "sin programación: se asume distribución uniforme, la meta proporcional)"
    )
