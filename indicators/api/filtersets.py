from igm_plan.api.filters import (
    ApiFilterSet,
    InstitutionFilter,
    IntegerFilter,
    ModifiedSinceFilter,
    covering_year,
)
from indicators.models import IndicatorSheet


class IndicatorSheetFilterSet(ApiFilterSet):
    institution = InstitutionFilter("plan__institution")
    year = IntegerFilter(method=covering_year("plan__"), help_text="Año que cubre el plan.")
    modified_since = ModifiedSinceFilter()

    class Meta:
        model = IndicatorSheet
        fields = ["plan", "product", "category"]
