from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("cost-centres", views.CostCentreViewSet, basename="cost-centre")
router.register("executions", views.ExecutionViewSet, basename="execution")

app_name = "budget-api"
urlpatterns = [
    path("execution-totals/", views.ExecutionTotalsView.as_view(), name="execution-totals"),
    path("bench/ceiling/<str:kind>/", views.benchmark_ceiling, name="benchmark-ceiling"),
    *router.urls,
]
