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

# --- Issue 5c (indicator sheets `index`, `dashboard`, activity report) urls: urlpatterns += [...] below
