import django_filters

from budget.models import CostCentre, Execution
from common.calendar import PERIOD_MONTHS, PERIODS
from igm_plan.api.filters import ApiFilterSet, InstitutionFilter, IntegerFilter, ModifiedSinceFilter

PROGRAM_HELP = "Código del programa, p. ej. 11."


class CostCentreFilterSet(ApiFilterSet):
    institution = InstitutionFilter("institution")
    subproduct = IntegerFilter(
        field_name="subproducts", help_text="Solo centros que producen este subproducto (id)."
    )

    class Meta:
        model = CostCentre
        fields = ["code", "status"]


class ExecutionFilterSet(ApiFilterSet):
    institution = InstitutionFilter("cost_centre__institution")
    period = IntegerFilter(
        method="filter_period",
        min_value=PERIODS[0],
        max_value=PERIODS[-1],
        help_text="Cuatrimestre: 1 (ene-abr), 2 (may-ago) o 3 (sep-dic).",
    )
    month = IntegerFilter(min_value=1, max_value=12, help_text="Mes 1-12.")
    program = django_filters.CharFilter(
        field_name="subproduct__product__category__program__code", help_text=PROGRAM_HELP
    )
    product = IntegerFilter(field_name="subproduct__product", help_text="Id del producto.")
    modified_since = ModifiedSinceFilter(
        column="updated_at",
        help_text=(
            "Solo filas creadas o modificadas desde esta fecha y hora (ISO 8601), para sincronizar. "
            "Pida desde unos minutos antes de la última sincronización: una escritura que termina "
            "tarde puede llevar una hora anterior."
        ),
    )

    class Meta:
        model = Execution
        fields = ["year", "month", "cost_centre", "subproduct"]

    def filter_period(self, queryset, name, value):
        return queryset.filter(month__in=PERIOD_MONTHS[value])
