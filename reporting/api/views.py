from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from budget.models import Execution
from igm_plan.api.views import ApiViewMixin, ReadOnlyViewSet
from planning.models import Goal, Institution, Product, Reprogramming, Result, Subproduct
from reporting.models import PeriodReport, ReportJob
from reporting.selectors.deadlines import period_deadlines
from reporting.selectors.documents import report_document
from reporting.selectors.siplan import ReportUnavailable, siplan_report

from . import serializers


class ReportDocumentViewSet(ReadOnlyViewSet):
    """Finished report documents (SIPLAN HTML/PDF/XLSX/JSON), with their SHA-256 and signature status."""

    queryset = ReportJob.objects.filter(status=ReportJob.Status.DONE, kind=ReportJob.SIPLAN).select_related(
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


class SiplanReportView(ApiViewMixin, APIView):
    """The SIPLAN four-monthly report's figures (the same the PDF shows) for a year and period."""

    institution_field = ""
    history_models = (Execution, Goal, Reprogramming, Result, Product, Subproduct)

    @extend_schema(
        parameters=[serializers.SiplanParamsSerializer], responses=serializers.SiplanReportSerializer
    )
    def get(self, request):
        params = serializers.SiplanParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        institution = get_object_or_404(
            self.restrict(Institution.objects.all()), code=params.validated_data["institution"]
        )
        try:
            report = siplan_report(
                institution=institution,
                year=params.validated_data["year"],
                period=params.validated_data["period"],
            )
        except ReportUnavailable as error:
            raise NotFound(str(error)) from error
        return Response(report.to_json_data())
