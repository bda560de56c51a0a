from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("tablero/", views.dashboard, name="dashboard"),
    path("tablero/tablero.pdf", views.dashboard_pdf, name="dashboard_pdf"),
    path("informe-actividades/", views.activity, name="activity"),
    path("informe-actividades/informe.pdf", views.activity_pdf, name="activity_pdf"),
    path("informe-actividades/logros/nuevo/", views.achievement_create, name="achievement_create"),
    path("informe-actividades/logros/<int:pk>/", views.achievement_edit, name="achievement_edit"),
    path(
        "informe-actividades/logros/<int:pk>/eliminar/", views.achievement_remove, name="achievement_remove"
    ),
    path("informe-actividades/fotos/<int:pk>/", views.achievement_photo, name="achievement_photo"),
]
