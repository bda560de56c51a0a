from django.urls import path

from planning.views import chain, goals, goals_grid, matrices, programming, strategic

app_name = "planning"
urlpatterns = [
    path("", chain.index, name="index"),
    path("instituciones/nueva/", chain.institution_create, name="institution_create"),
    path("instituciones/<int:pk>/", chain.institution_detail, name="institution_detail"),
    path("instituciones/<int:pk>/editar/", chain.institution_edit, name="institution_edit"),
    path("instituciones/<int:institution_pk>/planes/nuevo/", chain.plan_create, name="plan_create"),
    path(
        "instituciones/<int:pk>/marco-estrategico/",
        strategic.strategic_frame_detail,
        name="strategic_frame",
    ),
    path(
        "instituciones/<int:pk>/marco-estrategico/editar/",
        strategic.strategic_frame_edit,
        name="strategic_frame_edit",
    ),
    path("planes/<int:pk>/", chain.plan_detail, name="plan_detail"),
    path("planes/<int:pk>/editar/", chain.plan_edit, name="plan_edit"),
    path("planes/<int:plan_pk>/resultados/nuevo/", chain.result_create, name="result_create"),
    path("resultados/<int:pk>/", chain.result_detail, name="result_detail"),
    path("resultados/<int:pk>/editar/", chain.result_edit, name="result_edit"),
    path("planes/<int:plan_pk>/productos/nuevo/", chain.product_create, name="product_create"),
    path("productos/<int:pk>/", chain.product_detail, name="product_detail"),
    path("productos/<int:pk>/editar/", chain.product_edit, name="product_edit"),
    path("productos/<int:product_pk>/subproductos/nuevo/", chain.subproduct_create, name="subproduct_create"),
    path("subproductos/<int:pk>/", chain.subproduct_detail, name="subproduct_detail"),
    path("subproductos/<int:pk>/editar/", chain.subproduct_edit, name="subproduct_edit"),
    path("metas/<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("reprogramaciones/", goals.reprogramming_index, name="reprogramming_index"),
    path("reprogramaciones/nueva/", goals.reprogramming_new, name="reprogramming_new"),
    path("reprogramaciones/<int:pk>/", goals.reprogramming_detail, name="reprogramming_detail"),
    path("metas/", goals_grid.goals_plans, name="goals_plans"),
    path("planes/<int:plan_id>/metas/", goals_grid.goals_grid_view, name="goals_grid"),
    path("planes/<int:plan_id>/matrices.<str:fmt>", matrices.plan_matrices, name="plan_matrices"),
    path(
        "planes/<int:pk>/poa/<int:year>/crear/",
        programming.annual_plan_create_view,
        name="annual_plan_create",
    ),
    path("planes/<int:pk>/programacion/", programming.programming_view, name="programming"),
    path(
        "planes/<int:pk>/programacion/repartir/",
        programming.programming_spread_view,
        name="programming_spread",
    ),
    path("planes/<int:pk>/programacion.xlsx", programming.programming_download, name="programming_xlsx"),
]
