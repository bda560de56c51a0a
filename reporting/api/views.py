from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from budget.selectors import ReportUnavailable
from igm_plan.api.views import ApiViewMixin, ReadOnlyViewSet
from planning.models import Institution
from reporting.models import PeriodReport, ReportJob
from reporting.selectors import period_deadlines, report_document

from . import serializers


class ReportDocumentViewSet(ReadOnlyViewSet):
    """Finished report documents (SIPLAN HTML/PDF/XLSX/JSON), with their SHA-256 and signature status."""

    queryset = ReportJob.objects.filter(status=ReportJob.Status.DONE).select_related(
        "institution", "period_report"
    )
    serializer_class = serializers.ReportDocumentSerializer
    institution_field = "institution"

    def get_queryset(self):
        queryset = super().get_queryset()
        # Cost-centre officers do not read the institution's reports (same rule as the web pages).
        return queryset.none() if self.access.officer_id is not None else queryset

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The stored file, byte for byte (its SHA-256 is the document's ``sha256``)."""
        job = self.get_object()
        response = FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
        response["ETag"] = f'"{job.sha256}"'
        return response


class ReportPeriodsView(ApiViewMixin, APIView):
    """A year's three periods: due date, status, who has not reported, and deviation explanations."""

    institution_field = ""
    history_models = (PeriodReport, ReportJob)

    @extend_schema(
        parameters=[serializers.PeriodParamsSerializer],
        responses=serializers.ReportPeriodSerializer(many=True),
    )
    def get(self, request):
        params = serializers.PeriodParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        institution = get_object_or_404(
            self.restrict(Institution.objects.all()), code=params.validated_data["institution"]
        )
        year = params.validated_data["year"]
        periods = []
        for deadline in period_deadlines(institution=institution, year=year, today=timezone.localdate()):
            try:
                deviations = report_document(
                    institution=institution, year=year, period=deadline.period
                ).deviations
            except ReportUnavailable:
                deviations = ()
            periods.append({"deadline": deadline, "deviations": deviations})
        return Response(serializers.ReportPeriodSerializer(periods, many=True).data)
