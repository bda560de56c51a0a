from django.conf import settings
from django.db.models import (
    OuterRef,
    Prefetch,
    Subquery,
)
from django.http import Http404, JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, status
from rest_framework.response import Response

from budget import selectors
from budget.models import CostCentre, Execution
from budget.permissions import ensure_execution_reader
from igm_plan.api.pagination import IdCursorPagination, UncountedPagePagination
from igm_plan.api.views import ApiViewMixin, ReadOnlyViewSet
from planning.models import Product, Subproduct

from . import filtersets, serializers


class CostCentreViewSet(ReadOnlyViewSet):
    queryset = CostCentre.objects.select_related(
        "institution", "department", "municipality"
    ).prefetch_related("subproducts")
    serializer_class = serializers.CostCentreSerializer
    filterset_class = filtersets.CostCentreFilterSet
    institution_field = "institution"
    cost_centre_field = ""
    read_rule = staticmethod(ensure_execution_reader)


EXECUTION_ROW_FIELDS = tuple(
    name
    for name in serializers.ExecutionSerializer.Meta.fields
    if name not in serializers.ExecutionSerializer.row_keys
)
_SUBPRODUCT_OF_ROW = Subproduct.objects.filter(pk=OuterRef("subproduct_id")).order_by()
# Built once: every page of execution rows annotates the same expressions.
EXECUTION_ROW_CODES = {
    "cost_centre_code": Subquery(
        CostCentre.objects.filter(pk=OuterRef("cost_centre_id")).order_by().values("code")
    ),
    "subproduct_code": Subquery(_SUBPRODUCT_OF_ROW.values("code")),
    "product": Subquery(_SUBPRODUCT_OF_ROW.values("product_id")),
}


class ExecutionViewSet(mixins.CreateModelMixin, ReadOnlyViewSet):
    """Monthly execution rows; ``POST`` creates or replaces a month (``institution:<siglas>`` tokens)."""

    # Codes are fetched for the page's rows only: joining first makes PostgreSQL hash every subproduct.
    queryset = Execution.objects.prefetch_related(
        Prefetch("cost_centre", CostCentre.objects.only("code")),
        Prefetch("subproduct", Subproduct.objects.only("code", "product_id")),
    )
    serializer_class = serializers.ExecutionSerializer
    filterset_class = filtersets.ExecutionFilterSet
    pagination_class = IdCursorPagination
    institution_field = "cost_centre__institution"
    cost_centre_field = "cost_centre"
    read_rule = staticmethod(ensure_execution_reader)
    # Rows carry the centre's and subproduct's codes and the subproduct's product.
    history_models = (Execution, CostCentre, Subproduct)
    writable = True

    def list(self, request, *args, **kwargs):
        """Rows straight from ``.values()``; the related codes come from subqueries, which PostgreSQL
        evaluates after the limit, for the page's rows only."""
        rows = (
            self.filter_queryset(self.get_queryset())
            .prefetch_related(None)
            .values(*EXECUTION_ROW_FIELDS, **EXECUTION_ROW_CODES)
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_serializer_class(self):
        return serializers.ExecutionWriteSerializer if self.action == "create" else self.serializer_class

    @extend_schema(
        responses={201: serializers.ExecutionWriteSerializer, 200: serializers.ExecutionWriteSerializer}
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(
            serializer.data, status=status.HTTP_201_CREATED if serializer.created else status.HTTP_200_OK
        )


@extend_schema(parameters=[serializers.ExecutionTotalsParamsSerializer])
class ExecutionTotalsView(ApiViewMixin, generics.ListAPIView):
    """Execution summed in the database per product or subproduct and per month, period or year."""

    queryset = Execution.objects.all()
    serializer_class = serializers.ExecutionTotalSerializer
    filterset_class = filtersets.ExecutionFilterSet
    pagination_class = UncountedPagePagination
    institution_field = "cost_centre__institution"
    cost_centre_field = "cost_centre"
    read_rule = staticmethod(ensure_execution_reader)
    # Codes, and the units that decide which subproducts add to a product's physical figure.
    history_models = (Execution, Subproduct, Product)

    def get_queryset(self):
        return self.restrict(super().get_queryset())

    def filter_queryset(self, queryset):
        params = serializers.ExecutionTotalsParamsSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors.execution_totals(
            super().filter_queryset(queryset),
            institution_code=self.access.institution_code or self.request.query_params.get("institution"),
            **params.validated_data,
        )


CEILING_FIELDS = (
    "id",
    "cost_centre_id",
    "subproduct_id",
    "year",
    "month",
    "physical",
    "financial",
    "updated_at",
)


def benchmark_ceiling(request, kind: str):
    """Benchmark only: the same rows as the API straight from ``.values()``, with no DRF at all."""
    if not settings.IGM_API_BENCHMARK_VIEWS:
        raise Http404
    executions = filtersets.ExecutionFilterSet(request.GET, queryset=Execution.objects.all()).qs
    size = int(request.GET.get("page_size", "100"))
    if kind == "totals":
        level, by = request.GET.get("level", "subproduct"), request.GET.get("by", "month")
        rows = selectors.execution_totals(
            executions, level=level, by=by, institution_code=request.GET.get("institution")
        )[:size]
    else:
        rows = executions.order_by("id").values(*CEILING_FIELDS)[:size]
    return JsonResponse({"results": list(rows)})
