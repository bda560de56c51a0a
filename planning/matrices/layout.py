"""The matrices workbook's layout, which the writer and the reader share: sheets, row kinds,
labels, headers and where the data starts."""

SHEET_PLAN = "Plan"
SHEET_RESULTS = "9.2 Resultados"
SHEET_CATEGORIES = "9.3 Categorías"
SHEET_GOALS = "9.5 Metas"
SHEET_BUDGET = "8 Presupuesto"

KIND_RESULT = "Resultado"
KIND_PRODUCT = "Producto"
KIND_SUBPRODUCT = "Subproducto"
KIND_TOTAL = "Total"
NO_RESULT = "Sin Resultado"

PLAN_LABELS = (
    ("institution_code", "Institución (siglas)"),
    ("institution_name", "Institución"),
    ("institution_budget_code", "Código presupuestario"),
    ("plan_kind", "Tipo de plan"),
    ("plan_name", "Nombre del plan"),
    ("start_year", "Año inicial"),
    ("end_year", "Año final"),
    ("approval_act", "Acto de aprobación"),
)
RESULT_HEADERS = (
    "Código resultado",
    "Resultado institucional",
    "Nivel",
    "Unidad de medida",
    "Año línea base",
    "Valor línea base",
    "Tipo",
    "Código",
    "Producto / Subproducto",
    "Mayor contribución a la PGG (1/0)",
)
CATEGORY_HEADERS = (
    "Tipo",
    "Código",
    "Producto / Subproducto",
    "Unidad de medida",
    "Descripción de la actividad",
    "Programa",
    "Subprograma",
    "Proyecto",
    "Actividad",
)
GOAL_HEADERS = ("Tipo", "Código", "Producto / Subproducto", "Unidad de medida")
HEADER_ROW = 3
FIRST_DATA_ROW = 4
GOALS_FIRST_DATA_ROW = 5
