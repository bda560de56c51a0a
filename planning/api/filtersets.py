import django_filters

from igm_plan.api.filters import (
    ApiFilterSet,
    InstitutionFilter,
    IntegerFilter,
    ModifiedSinceFilter,
    covering_year,
)
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    MonthlyProgramming,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    Subproduct,
)

YEAR_HELP = "Año que cubre el plan."
GOAL_INSTITUTION = ("product__plan__institution", "subproduct__product__plan__institution")


class InstitutionFilterSet(ApiFilterSet):
    institution = InstitutionFilter("")

    class Meta:
        model = Institution
        fields = ["code"]


class PlanFilterSet(ApiFilterSet):
    institution = InstitutionFilter("institution")
    year = IntegerFilter(method=covering_year(""), help_text=YEAR_HELP)
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = Plan
        fields = ["kind", "status"]


class ResultFilterSet(ApiFilterSet):
    institution = InstitutionFilter("plan__institution")
    year = IntegerFilter(method=covering_year("plan__"), help_text=YEAR_HELP)
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = Result
        fields = ["plan", "level"]


class ProgramFilterSet(ApiFilterSet):
    institution = InstitutionFilter("institution")

    class Meta:
        model = Program
        fields = ["code"]


class CategoryFilterSet(ApiFilterSet):
    institution = InstitutionFilter("program__institution")
    program = django_filters.CharFilter(
        field_name="program__code", help_text="Código del programa, p. ej. 11."
    )

    class Meta:
        model = ProgrammaticCategory
        fields = []


class ProductFilterSet(ApiFilterSet):
    institution = InstitutionFilter("plan__institution")
    year = IntegerFilter(method=covering_year("plan__"), help_text=YEAR_HELP)
    program = django_filters.CharFilter(
        field_name="category__program__code", help_text="Código del programa, p. ej. 11."
    )
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = Product
        fields = ["plan", "result"]


class SubproductFilterSet(ApiFilterSet):
    institution = InstitutionFilter("product__plan__institution")
    year = IntegerFilter(method=covering_year("product__plan__"), help_text=YEAR_HELP)
    program = django_filters.CharFilter(
        field_name="product__category__program__code", help_text="Código del programa, p. ej. 11."
    )
    cost_centre = IntegerFilter(
        field_name="cost_centres", help_text="Identificador del centro de costo que lo produce."
    )
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = Subproduct
        fields = ["product"]


class GoalFilterSet(ApiFilterSet):
    institution = InstitutionFilter(GOAL_INSTITUTION)
    modified_since = ModifiedSinceFilter(
        column="updated_at", help_text="Solo metas modificadas desde esta fecha y hora (ISO 8601)."
    )

    class Meta:
        model = Goal
        fields = ["year", "product", "subproduct"]


class ReprogrammingFilterSet(ApiFilterSet):
    institution = InstitutionFilter(tuple(f"goal__{path}" for path in GOAL_INSTITUTION))
    year = IntegerFilter(field_name="goal__year", help_text="Año de la meta reprogramada.")
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = Reprogramming
        fields = ["goal", "measure", "status"]


class BudgetProjectionFilterSet(ApiFilterSet):
    institution = InstitutionFilter("plan__institution")
    program = django_filters.CharFilter(
        field_name="program__code", help_text="Código del programa, p. ej. 11."
    )
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = BudgetProjection
        fields = ["plan", "year"]


class ProgrammingFilterSet(ApiFilterSet):
    institution = InstitutionFilter(tuple(f"goal__{path}" for path in GOAL_INSTITUTION))
    year = IntegerFilter(field_name="goal__year", help_text="Año de la meta programada.")
    subproduct = IntegerFilter(field_name="goal__subproduct", help_text="Identificador del subproducto.")
    modified_since = ModifiedSinceFilter(
        column="updated_at", help_text="Solo meses modificados desde esta fecha y hora (ISO 8601)."
    )

    class Meta:
        model = MonthlyProgramming
        fields = ["month", "measure", "goal"]
