from django.urls import path

from . import views

app_name = "budget"
urlpatterns = [
    path("", views.index, name="index"),
    path("tablero/", views.dashboard, name="dashboard"),
    path("cuatrimestres/bloqueo/", views.period_lock_change, name="period_lock"),
    path("centro/<int:cost_centre_id>/<int:year>/<int:month>/", views.month_detail, name="month"),
    path(
        "centro/<int:cost_centre_id>/<int:year>/<int:month>/capturar/", views.month_entry, name="month_entry"
    ),
    path(
        "centro/<int:cost_centre_id>/<int:year>/<int:month>/estado/", views.month_review, name="month_review"
    ),
    path(
        "centro/<int:cost_centre_id>/<int:year>/<int:month>/plantilla.<str:fmt>",
        views.month_template,
        name="month_template",
    ),
    path("cargas/", views.upload_list, name="uploads"),
    path("cargas/nueva/", views.upload_create, name="upload_create"),
    path("cargas/<int:upload_id>/", views.upload_detail, name="upload"),
    path("cargas/<int:upload_id>/confirmar/", views.upload_confirm, name="upload_confirm"),
    path("cargas/<int:upload_id>/archivo/", views.upload_file, name="upload_file"),
]
