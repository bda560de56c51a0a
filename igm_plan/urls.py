from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from planning.views.home import home

admin.site.site_header = "IGM Plan — administración"
admin.site.site_title = "IGM Plan"
admin.site.index_title = "Datos de referencia"

urlpatterns = [
    path("", home, name="home"),
    path("cuenta/ingresar/", auth_views.LoginView.as_view(), name="login"),
    path("cuenta/salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("planificacion/", include("planning.urls")),
    path("ejecucion/", include("budget.urls")),
    path("indicadores/", include("indicators.urls")),
    path("reportes/", include("reporting.urls")),
    path("api/v1/", include("planning.api.urls")),
    path("api/v1/", include("budget.api.urls")),
    path("api/v1/", include("indicators.api.urls")),
    path("api/v1/", include("reporting.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]

# Old addresses of pages that moved: bookmarks and links keep working.
urlpatterns += [
    path("indicadores/metas/", RedirectView.as_view(pattern_name="planning:goals_plans", permanent=True)),
    path(
        "indicadores/planes/<int:plan_id>/metas/",
        RedirectView.as_view(pattern_name="planning:goals_grid", permanent=True),
    ),
    path(
        "indicadores/planes/<int:plan_id>/matrices.<str:fmt>",
        RedirectView.as_view(pattern_name="planning:plan_matrices", permanent=True),
    ),
]

handler404 = "igm_plan.api.views.not_found"
