from accounts.api.views import ReadOnlyViewSet
from indicators.models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)

from . import filtersets, serializers


class IndicatorSheetViewSet(ReadOnlyViewSet):
    queryset = IndicatorSheet.objects.select_related("multiannual_target").prefetch_related(
        "values", "multiannual_target__years"
    )
    serializer_class = serializers.IndicatorSheetSerializer
    filterset_class = filtersets.IndicatorSheetFilterSet
    institution_field = "plan__institution"
    history_models = (IndicatorSheet, IndicatorSheetValue, ProductIndicatorTarget, ProductIndicatorYear)
