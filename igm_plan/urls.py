from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from igm_plan.api.views import unknown_api_path
from worklist.views import home

admin.site.site_header = "IGM Plan — administración"
admin.site.site_title = "IGM Plan"
admin.site.index_title = "Datos de referencia"

urlpatterns = [
    path("", home, name="home"),
    path("cuenta/", include("accounts.urls")),
    path("planificacion/", include("planning.urls")),
    path("ejecucion/", include("budget.urls")),
    path("seguimiento/", include("monitoring.urls")),
    path("indicadores/", include("indicators.urls")),
    path("reportes/", include("reporting.urls")),
    path("transparencia/", include("transparency.urls")),
    path("avisos/", include("notices.urls")),
    path("nacional/", include("national.urls")),
    path("api/v1/", include("planning.api.urls")),
    path("api/v1/", include("budget.api.urls")),
    path("api/v1/", include("monitoring.api.urls")),
    path("api/v1/", include("indicators.api.urls")),
    path("api/v1/", include("reporting.api.urls")),
    path("api/v1/", include("national.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI loads its start-up script from this same address (the split view) and styles itself
    # inline: the one page whose Content-Security-Policy admits inline styles.
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema")
        ),
        name="api-docs",
    ),
    re_path(r"^api/(?P<path>.*/)$", unknown_api_path),
    # One login page for the site and the admin: the same lockout and the same second factor.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
]


# Old addresses of pages that moved: bookmarks and links keep working, query string included.
def moved_to(name: str):
    return RedirectView.as_view(pattern_name=name, permanent=True, query_string=True)


urlpatterns += [
    path("indicadores/tablero/", moved_to("monitoring:dashboard")),
    path("indicadores/tablero/tablero.pdf", moved_to("monitoring:dashboard_pdf")),
    path("indicadores/informe-actividades/", moved_to("monitoring:activity")),
    path("indicadores/informe-actividades/informe.pdf", moved_to("monitoring:activity_pdf")),
    path("indicadores/informe-actividades/logros/nuevo/", moved_to("monitoring:achievement_create")),
    path("indicadores/informe-actividades/logros/<int:pk>/", moved_to("monitoring:achievement_edit")),
    path("indicadores/informe-actividades/fotos/<int:pk>/", moved_to("monitoring:achievement_photo")),
    path("indicadores/metas/", moved_to("planning:goals_plans")),
    path("indicadores/planes/<int:plan_id>/metas/", moved_to("planning:goals_grid")),
    path("indicadores/planes/<int:plan_id>/matrices.<str:fmt>", moved_to("planning:plan_matrices")),
]

handler404 = "igm_plan.api.views.not_found"
