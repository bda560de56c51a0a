from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("", views.index, name="index"),
    path("instituciones/nueva/", views.institution_create, name="institution_create"),
    path("instituciones/<int:pk>/", views.institution_detail, name="institution_detail"),
    path("instituciones/<int:pk>/editar/", views.institution_edit, name="institution_edit"),
    path("instituciones/<int:institution_pk>/planes/nuevo/", views.plan_create, name="plan_create"),
    path("planes/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("planes/<int:pk>/editar/", views.plan_edit, name="plan_edit"),
    path("planes/<int:plan_pk>/resultados/nuevo/", views.result_create, name="result_create"),
    path("resultados/<int:pk>/", views.result_detail, name="result_detail"),
    path("resultados/<int:pk>/editar/", views.result_edit, name="result_edit"),
    path("planes/<int:plan_pk>/productos/nuevo/", views.product_create, name="product_create"),
    path("productos/<int:pk>/", views.product_detail, name="product_detail"),
    path("productos/<int:pk>/editar/", views.product_edit, name="product_edit"),
    path("productos/<int:product_pk>/subproductos/nuevo/", views.subproduct_create, name="subproduct_create"),
    path("subproductos/<int:pk>/", views.subproduct_detail, name="subproduct_detail"),
    path("subproductos/<int:pk>/editar/", views.subproduct_edit, name="subproduct_edit"),
    path("metas/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("reprogramaciones/", views.reprogramming_index, name="reprogramming_index"),
    path("reprogramaciones/<int:pk>/", views.reprogramming_detail, name="reprogramming_detail"),
]
