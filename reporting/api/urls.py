from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("report-documents", views.ReportDocumentViewSet, basename="report-document")

app_name = "reporting-api"
urlpatterns = [
    path("report-periods/", views.ReportPeriodsView.as_view(), name="report-periods"),
    path("siplan-report/", views.SiplanReportView.as_view(), name="siplan-report"),
    *router.urls,
]
