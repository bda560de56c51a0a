from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("indicator-sheets", views.IndicatorSheetViewSet, basename="indicator-sheet")

app_name = "indicators-api"
urlpatterns = router.urls
