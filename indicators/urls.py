from django.urls import path  # noqa: F401

app_name = "indicators"
urlpatterns: list = []

# --- Issue 5c (indicator sheets `index`, `dashboard`, activity report) urls: urlpatterns += [...] below
from . import views  # noqa: E402 — kept inside this section so the sections merge cleanly

urlpatterns += [
    path("", views.index, name="index"),
    path("fichas/<int:pk>/", views.sheet_detail, name="sheet_detail"),
    path("fichas/<int:pk>/editar/", views.sheet_edit, name="sheet_edit"),
    path("fichas/<int:pk>/eliminar/", views.sheet_remove, name="sheet_remove"),
    path("fichas/<int:pk>/ficha.pdf", views.sheet_pdf, name="sheet_pdf"),
    path("fichas/<int:pk>/ficha.xlsx", views.sheet_xlsx, name="sheet_xlsx"),
    path("planes/<int:plan_id>/fichas/nueva/", views.sheet_create, name="sheet_create"),
    path("planes/<int:plan_id>/indicadores-multianual/", views.multiannual, name="multiannual_table"),
    path("planes/<int:plan_id>/fichas.pdf", views.plan_sheets_pdf, name="plan_sheets_pdf"),
    path("planes/<int:plan_id>/fichas.xlsx", views.plan_sheets_xlsx, name="plan_sheets_xlsx"),
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
