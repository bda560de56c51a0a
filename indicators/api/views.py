from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from budget.models import Execution
from igm_plan.api.views import ApiViewMixin, ReadOnlyViewSet
from indicators.models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)
from indicators.permissions import ensure_sheet_reader
from indicators.selectors import indicator_sheets_for_plan, indicator_values
from planning.models import Goal, Institution, Plan

from . import filtersets, serializers


class IndicatorSheetViewSet(ReadOnlyViewSet):
    queryset = IndicatorSheet.objects.select_related("multiannual_target").prefetch_related(
        "values", "multiannual_target__years"
    )
    serializer_class = serializers.IndicatorSheetSerializer
    filterset_class = filtersets.IndicatorSheetFilterSet
    institution_field = "plan__institution"
    read_rule = staticmethod(ensure_sheet_reader)
    history_models = (IndicatorSheet, IndicatorSheetValue, ProductIndicatorTarget, ProductIndicatorYear)


class IndicatorValuesView(ApiViewMixin, APIView):
    """Each indicator sheet of the institution's multiannual plan, computed from execution for a year
    and period, with its traffic light (the same values as the dashboard)."""

    institution_field = ""
    read_rule = staticmethod(ensure_sheet_reader)
    history_models = (Execution, Goal, IndicatorSheet, IndicatorSheetValue)

    @extend_schema(
        parameters=[serializers.IndicatorValueParamsSerializer],
        responses=serializers.IndicatorValueSerializer(many=True),
    )
    def get(self, request):
        params = serializers.IndicatorValueParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        institution = get_object_or_404(
            self.restrict(Institution.objects.all()), code=params.validated_data["institution"]
        )
        sheets = IndicatorSheet.objects.none()
        plan = (
            Plan.objects.filter(institution=institution, kind=Plan.Kind.POM).order_by("-start_year").first()
        )
        if plan is not None:
            sheets = indicator_sheets_for_plan(plan=plan)
        values = indicator_values(
            sheets=sheets, year=params.validated_data["year"], period=params.validated_data["period"]
        )
        return Response(serializers.IndicatorValueSerializer(values, many=True).data)
