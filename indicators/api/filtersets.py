from accounts.api.filters import (
    ApiFilterSet,
    HistoryModifiedSinceFilter,
    InstitutionFilter,
    IntegerFilter,
    covering_year,
)
from indicators.models import IndicatorSheet


class IndicatorSheetFilterSet(ApiFilterSet):
    institution = InstitutionFilter("plan__institution")
    year = IntegerFilter(method=covering_year("plan__"), help_text="Año que cubre el plan.")
    modified_since = HistoryModifiedSinceFilter()

    class Meta:
        model = IndicatorSheet
        fields = ["plan", "product", "category"]
