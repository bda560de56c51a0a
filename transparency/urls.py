from django.urls import path

from . import views

app_name = "transparency"

PERIOD = "<str:code>/reportes/<int:year>/<int:period>/"
urlpatterns = [
    path("", views.index, name="index"),
    path("verificar/", views.verify_upload, name="verify"),
    path("<str:code>/", views.institution, name="institution"),
    path("<str:code>/ejecucion/<int:year>/<int:period>/", views.execution, name="execution"),
    path(PERIOD + "reporte-firmado.pdf", views.report_download, name="report_download"),
    path(PERIOD + "verificacion/", views.report_verification, name="report_verification"),
    path("<str:code>/datos/", views.open_data, name="open_data"),
    path("<str:code>/datos/<str:dataset>.<str:fmt>", views.open_data_file, name="open_data_file"),
]
