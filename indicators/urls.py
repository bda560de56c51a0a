from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
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
]
