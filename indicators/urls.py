from django.urls import path  # noqa: F401

app_name = "indicators"
urlpatterns: list = []

# --- Issue 5b (goals grid, POM matrices) urls: urlpatterns += [...] below --------------------------

from . import goals_views  # noqa: E402

urlpatterns += [
    path("metas/", goals_views.goals_plans, name="goals_plans"),
    path("planes/<int:plan_id>/metas/", goals_views.goals_grid_view, name="goals_grid"),
    path(
        "planes/<int:plan_id>/metas/subproductos/<int:subproduct_id>/",
        goals_views.goals_row_save,
        name="goals_row_save",
    ),
    path("planes/<int:plan_id>/matrices.<str:fmt>", goals_views.plan_matrices, name="plan_matrices"),
]

from . import views  # noqa: E402

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
]
