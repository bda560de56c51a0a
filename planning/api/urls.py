from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("institutions", views.InstitutionViewSet, basename="institution")
router.register("plans", views.PlanViewSet, basename="plan")
router.register("results", views.ResultViewSet, basename="result")
router.register("programs", views.ProgramViewSet, basename="program")
router.register("categories", views.CategoryViewSet, basename="category")
router.register("products", views.ProductViewSet, basename="product")
router.register("subproducts", views.SubproductViewSet, basename="subproduct")
router.register("goals", views.GoalViewSet, basename="goal")
router.register("reprogrammings", views.ReprogrammingViewSet, basename="reprogramming")
router.register("programming", views.ProgrammingViewSet, basename="programming")
router.register("budget-projections", views.BudgetProjectionViewSet, basename="budget-projection")

app_name = "planning-api"
urlpatterns = router.urls
