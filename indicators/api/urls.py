from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("indicator-sheets", views.IndicatorSheetViewSet, basename="indicator-sheet")

app_name = "indicators-api"
urlpatterns = [
    path("indicator-values/", views.IndicatorValuesView.as_view(), name="indicator-values"),
    *router.urls,
]
