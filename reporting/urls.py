from django.urls import path

from . import views

app_name = "reporting"

PERIOD = "<str:code>/<int:year>/<int:period>/"
urlpatterns = [
    path("", views.index, name="index"),
    path("verificar/", views.verify, name="verify"),
    path("desviaciones/", views.officer_deviations, name="officer_deviations"),
    path(
        "desviaciones/<int:year>/<int:period>/", views.officer_deviation_note, name="officer_deviation_note"
    ),
    path("trabajos/<int:pk>/", views.job_detail, name="job"),
    path("trabajos/<int:pk>/estado/", views.job_status, name="job_status"),
    path("trabajos/<int:pk>/descargar/", views.job_download, name="job_download"),
    path("trabajos/<int:pk>/reintentar/", views.job_retry, name="job_retry"),
    path("planes/<int:plan_id>/fichas/", views.plan_sheets_job_request, name="plan_sheets_job"),
    path(PERIOD, views.period_detail, name="period"),
    path(PERIOD + "documento/", views.period_preview, name="preview"),
    path(PERIOD + "generar/", views.job_request, name="job_request"),
    path(PERIOD + "enviar/", views.period_submit, name="submit"),
    path(PERIOD + "aprobar/", views.period_approve, name="approve"),
    path(PERIOD + "devolver/", views.period_return, name="return"),
    path(PERIOD + "firmar/", views.period_sign, name="sign"),
    path(PERIOD + "desviaciones/", views.deviation_note, name="deviation_note"),
    path(PERIOD + "cambios/", views.period_changes, name="changes"),
]
