from django.db.models import Count, Q

from igm_plan.api.views import ReadOnlyViewSet
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Measure,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)

from . import filtersets, serializers

GOAL_INSTITUTION = filtersets.GOAL_INSTITUTION


def approved_reprogrammings(measure: str) -> Count:
    return Count(
        "reprogrammings",
        filter=Q(reprogrammings__measure=measure, reprogrammings__status=Reprogramming.Status.APPROVED),
    )


class InstitutionViewSet(ReadOnlyViewSet):
    queryset = Institution.objects.all()
    serializer_class = serializers.InstitutionSerializer
    filterset_class = filtersets.InstitutionFilterSet
    institution_field = ""


class PlanViewSet(ReadOnlyViewSet):
    queryset = Plan.objects.select_related("institution")
    serializer_class = serializers.PlanSerializer
    filterset_class = filtersets.PlanFilterSet
    institution_field = "institution"


class ResultViewSet(ReadOnlyViewSet):
    queryset = Result.objects.prefetch_related("targets")
    serializer_class = serializers.ResultSerializer
    filterset_class = filtersets.ResultFilterSet
    institution_field = "plan__institution"
    history_models = (Result, ResultTarget)


class ProgramViewSet(ReadOnlyViewSet):
    queryset = Program.objects.select_related("institution")
    serializer_class = serializers.ProgramSerializer
    filterset_class = filtersets.ProgramFilterSet
    institution_field = "institution"


class CategoryViewSet(ReadOnlyViewSet):
    queryset = ProgrammaticCategory.objects.select_related("program")
    serializer_class = serializers.CategorySerializer
    filterset_class = filtersets.CategoryFilterSet
    institution_field = "program__institution"


class ProductViewSet(ReadOnlyViewSet):
    queryset = Product.objects.select_related("category__program").prefetch_related(
        "departments", "municipalities"
    )
    serializer_class = serializers.ProductSerializer
    filterset_class = filtersets.ProductFilterSet
    institution_field = "plan__institution"


class SubproductViewSet(ReadOnlyViewSet):
    queryset = Subproduct.objects.select_related("product").prefetch_related("departments", "municipalities")
    serializer_class = serializers.SubproductSerializer
    filterset_class = filtersets.SubproductFilterSet
    institution_field = "product__plan__institution"


class GoalViewSet(ReadOnlyViewSet):
    queryset = Goal.objects.annotate(
        physical_reprogrammings=approved_reprogrammings(Measure.PHYSICAL),
        financial_reprogrammings=approved_reprogrammings(Measure.FINANCIAL),
    )
    serializer_class = serializers.GoalSerializer
    filterset_class = filtersets.GoalFilterSet
    institution_field = GOAL_INSTITUTION
    history_models = (Goal, Reprogramming)


class ReprogrammingViewSet(ReadOnlyViewSet):
    queryset = Reprogramming.objects.all()
    serializer_class = serializers.ReprogrammingSerializer
    filterset_class = filtersets.ReprogrammingFilterSet
    institution_field = tuple(f"goal__{path}" for path in GOAL_INSTITUTION)


class BudgetProjectionViewSet(ReadOnlyViewSet):
    queryset = BudgetProjection.objects.select_related("program")
    serializer_class = serializers.BudgetProjectionSerializer
    filterset_class = filtersets.BudgetProjectionFilterSet
    institution_field = "plan__institution"
