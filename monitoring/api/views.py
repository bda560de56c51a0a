from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from budget.models import Execution
from igm_plan.api.views import ApiViewMixin
from monitoring.permissions import dashboard_cost_centres, ensure_dashboard_reader
from monitoring.selectors import plan_progress
from planning.models import Goal, Institution, MonthlyProgramming

from . import serializers


class PlanProgressView(ApiViewMixin, APIView):
    """The dashboard's figures: each product and subproduct's progress against what was expected by
    the period (the programmed accumulated, or the straight line), with the expected figure used."""

    institution_field = ""
    read_rule = staticmethod(ensure_dashboard_reader)
    history_models = (Execution, Goal, MonthlyProgramming)

    @extend_schema(
        parameters=[serializers.PlanProgressParamsSerializer], responses=serializers.PlanProgressSerializer
    )
    def get(self, request):
        params = serializers.PlanProgressParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        institution = get_object_or_404(
            self.restrict(Institution.objects.all()), code=params.validated_data["institution"]
        )
        # An officer sees their own cost centres' execution, as on the dashboard page.
        centres = None
        if self.access.officer_id is not None:
            centres = [cc.id for cc in dashboard_cost_centres(user=request.user, institution=institution)]
        progress = plan_progress(
            institution=institution,
            year=params.validated_data["year"],
            period=params.validated_data["period"],
            cost_centre_ids=centres,
        )
        rows = [row for item in progress.products for row in (item.product, *item.subproducts)]
        data = {"year": progress.year, "period": progress.period, "months_so_far": progress.months_so_far}
        return Response(serializers.PlanProgressSerializer({**data, "rows": rows}).data)
