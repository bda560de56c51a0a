from django.db.models import Count, Q
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.response import Response

from igm_plan.api.views import ReadOnlyViewSet
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Measure,
    MonthlyProgramming,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)
from planning.permissions import plans_ensure_readable_by

from . import filtersets, serializers

GOAL_INSTITUTION = filtersets.GOAL_INSTITUTION


def approved_reprogrammings(measure: str) -> Count:
    return Count(
        "reprogrammings",
        filter=Q(reprogrammings__measure=measure, reprogrammings__status=Reprogramming.Status.APPROVED),
    )


class PlanningViewSet(ReadOnlyViewSet):
    """Planning's records: read by whoever reads the plans' pages."""

    read_rule = staticmethod(plans_ensure_readable_by)


class InstitutionViewSet(PlanningViewSet):
    queryset = Institution.objects.all()
    serializer_class = serializers.InstitutionSerializer
    filterset_class = filtersets.InstitutionFilterSet
    institution_field = ""


class PlanViewSet(PlanningViewSet):
    queryset = Plan.objects.select_related("institution")
    serializer_class = serializers.PlanSerializer
    filterset_class = filtersets.PlanFilterSet
    institution_field = "institution"


class ResultViewSet(PlanningViewSet):
    queryset = Result.objects.prefetch_related("targets")
    serializer_class = serializers.ResultSerializer
    filterset_class = filtersets.ResultFilterSet
    institution_field = "plan__institution"
    history_models = (Result, ResultTarget)


class ProgramViewSet(PlanningViewSet):
    queryset = Program.objects.select_related("institution")
    serializer_class = serializers.ProgramSerializer
    filterset_class = filtersets.ProgramFilterSet
    institution_field = "institution"


class CategoryViewSet(PlanningViewSet):
    queryset = ProgrammaticCategory.objects.select_related("program")
    serializer_class = serializers.CategorySerializer
    filterset_class = filtersets.CategoryFilterSet
    institution_field = "program__institution"


class ProductViewSet(PlanningViewSet):
    queryset = Product.objects.select_related("category__program").prefetch_related(
        "departments", "municipalities"
    )
    serializer_class = serializers.ProductSerializer
    filterset_class = filtersets.ProductFilterSet
    institution_field = "plan__institution"


class SubproductViewSet(PlanningViewSet):
    queryset = Subproduct.objects.select_related("product").prefetch_related("departments", "municipalities")
    serializer_class = serializers.SubproductSerializer
    filterset_class = filtersets.SubproductFilterSet
    institution_field = "product__plan__institution"


class GoalViewSet(PlanningViewSet):
    queryset = Goal.objects.annotate(
        physical_reprogrammings=approved_reprogrammings(Measure.PHYSICAL),
        financial_reprogrammings=approved_reprogrammings(Measure.FINANCIAL),
    )
    serializer_class = serializers.GoalSerializer
    filterset_class = filtersets.GoalFilterSet
    institution_field = GOAL_INSTITUTION
    history_models = (Goal, Reprogramming)


class ReprogrammingViewSet(PlanningViewSet):
    queryset = Reprogramming.objects.all()
    serializer_class = serializers.ReprogrammingSerializer
    filterset_class = filtersets.ReprogrammingFilterSet
    institution_field = tuple(f"goal__{path}" for path in GOAL_INSTITUTION)


class BudgetProjectionViewSet(PlanningViewSet):
    queryset = BudgetProjection.objects.select_related("program")
    serializer_class = serializers.BudgetProjectionSerializer
    filterset_class = filtersets.BudgetProjectionFilterSet
    institution_field = "plan__institution"


class ProgrammingViewSet(mixins.CreateModelMixin, PlanningViewSet):
    """Monthly programming of the POAs' subproduct goals, one row per goal, measure and month; ``POST``
    replaces a subproduct's twelve months of one measure (``institution:<siglas>`` tokens)."""

    queryset = MonthlyProgramming.objects.select_related("goal__subproduct")
    serializer_class = serializers.ProgrammingSerializer
    filterset_class = filtersets.ProgrammingFilterSet
    institution_field = tuple(f"goal__{path}" for path in GOAL_INSTITUTION)
    history_models = (MonthlyProgramming, Goal)
    writable = True

    def get_serializer_class(self):
        return serializers.ProgrammingWriteSerializer if self.action == "create" else self.serializer_class

    @extend_schema(responses={200: serializers.ProgrammingWriteSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data, status=status.HTTP_200_OK)
