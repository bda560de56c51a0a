"""What the API documentation says, in Spanish: tags, summaries and descriptions of every operation.

Views keep their docstrings for developers; integrators read these texts in Swagger UI. Tags come
from the app that serves the path, summaries from the resource (the path's first segment after the
version) and the action.
"""

# App (the view's top package) → tag, and the tag's description.
TAGS = {
    "planning": ("Planificación", "Instituciones, planes, cadena de resultados, metas y reprogramaciones."),
    "budget": ("Ejecución", "Centros de costo y ejecución física y financiera mensual."),
    "monitoring": ("Seguimiento", "Avance del plan contra lo programado, como en el tablero."),
    "indicators": ("Indicadores", "Fichas técnicas de indicadores y sus valores calculados."),
    "reporting": ("Reportes", "Reporte cuatrimestral SIPLAN, sus documentos y vencimientos."),
    "national": ("Avance nacional", "Avance cuatrimestral de cada institución, con las cifras del SIPLAN."),
}

# Resource → (plural, one of them with its article, what it is).
RESOURCES = {
    "institutions": (
        "instituciones",
        "una institución",
        "Instituciones con sus siglas y código presupuestario.",
    ),
    "plans": ("planes", "un plan", "Planes PEI, POM y POA con su vigencia y estado."),
    "results": ("resultados", "un resultado", "Resultados de los planes, con sus metas anuales."),
    "programs": ("programas", "un programa", "Programas presupuestarios de las instituciones."),
    "categories": (
        "categorías programáticas",
        "una categoría programática",
        "Categorías programáticas: programa, subprograma, proyecto y actividad u obra.",
    ),
    "products": ("productos", "un producto", "Productos de los planes, con su unidad de medida y cobertura."),
    "subproducts": ("subproductos", "un subproducto", "Subproductos, con su producto y cobertura."),
    "goals": (
        "metas",
        "una meta",
        "Metas anuales física y financiera, inicial y vigente, con el número de reprogramaciones aprobadas.",
    ),
    "reprogrammings": (
        "reprogramaciones",
        "una reprogramación",
        "Reprogramaciones de metas: solicitadas, aprobadas o rechazadas.",
    ),
    "programming": (
        "meses programados",
        "un mes programado",
        "Programación mensual de las metas de subproducto de los POA: una fila por meta, medida y mes.",
    ),
    "budget-projections": (
        "proyecciones presupuestarias",
        "una proyección presupuestaria",
        "Proyección presupuestaria multianual por programa (sección 8 del POM).",
    ),
    "cost-centres": (
        "centros de costo",
        "un centro de costo",
        "Centros de costo y los subproductos que producen.",
    ),
    "executions": (
        "filas de ejecución mensual",
        "una fila de ejecución mensual",
        "Ejecución física y financiera por centro de costo, subproducto y mes.",
    ),
    "indicator-sheets": (
        "fichas técnicas de indicadores",
        "una ficha técnica de indicador",
        "Fichas técnicas de indicadores con sus valores por año.",
    ),
    "report-documents": (
        "documentos de reporte",
        "un documento de reporte",
        "Documentos terminados del reporte SIPLAN (HTML, PDF, XLSX o JSON) con su SHA-256 y su firma.",
    ),
}

LIST_NOTE = "Lista paginada en orden estable; solo lo visible para la credencial."
DETAIL_NOTE = "Por su id; 404 si no existe o la credencial no lo ve."

# (resource, action) → (summary, description) where the resource's pattern does not fit.
OPERATIONS = {
    ("executions", "create"): (
        "Enviar la ejecución de un mes",
        "Crea o reemplaza la ejecución física y financiera de un centro de costo en un mes (solo "
        "credenciales `institution:<siglas>`). Pasa por las mismas validaciones, cierres de período, "
        "flujo del mes e historial que una carga de archivo. 201 si el mes era nuevo, 200 si se reemplazó.",
    ),
    ("programming", "create"): (
        "Reemplazar la programación mensual de un subproducto",
        "Reemplaza los doce meses de una medida (física o financiera) de la meta de un subproducto en un "
        "POA (solo credenciales `institution:<siglas>`).",
    ),
    ("report-documents", "download"): (
        "Descargar el archivo de un documento de reporte",
        "El archivo tal como se guardó, byte por byte; su SHA-256 es el `sha256` del documento.",
    ),
    ("execution-totals", "get"): (
        "Totales de ejecución por producto o subproducto",
        "Ejecución sumada en la base de datos por producto o subproducto (`level`) y por mes, "
        "cuatrimestre o año (`by`). Los productos suman la cifra física de sus subproductos según la "
        "regla de unidades. Páginas sin conteo: `count` es nulo.",
    ),
    ("indicator-values", "get"): (
        "Valores calculados de los indicadores",
        "Cada ficha técnica del plan multianual de la institución, calculada con la ejecución del año "
        "hasta el cierre del cuatrimestre, con su semáforo (los mismos valores que el tablero).",
    ),
    ("plan-progress", "get"): (
        "Avance del plan",
        "Las cifras del tablero: avance de cada producto y subproducto contra lo esperado al cierre del "
        "cuatrimestre (lo programado acumulado o la línea recta), con la cifra esperada usada.",
    ),
    ("national-progress", "get"): (
        "Avance cuatrimestral de cada institución",
        "Por institución: estado del reporte (y días de atraso), ejecución financiera y avance físico del "
        "cuatrimestre, con las mismas cifras del reporte SIPLAN. Sin año ni cuatrimestre: el último cuyo "
        "plazo venció.",
    ),
    ("report-periods", "get"): (
        "Cuatrimestres del año: vencimientos y estado",
        "Los tres cuatrimestres de un año: fecha límite, estado del reporte, centros de costo que no han "
        "reportado y explicaciones de desviaciones.",
    ),
    ("siplan-report", "get"): (
        "Reporte cuatrimestral SIPLAN",
        "Las cifras del reporte cuatrimestral SIPLAN de un año y cuatrimestre, las mismas que muestra "
        "el PDF.",
    ),
}


def operation_text(resource: str, action: str) -> tuple[str, str] | None:
    """Summary and description of an operation, or None when none is written for it."""
    if (resource, action) in OPERATIONS:
        return OPERATIONS[(resource, action)]
    if resource not in RESOURCES:
        return None
    plural, one, what = RESOURCES[resource]
    if action == "list":
        return f"Listar {plural}", f"{what} {LIST_NOTE}"
    if action == "retrieve":
        return f"Consultar {one}", f"{what} {DETAIL_NOTE}"
    return None
