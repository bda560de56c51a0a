from django.urls import path

from . import views

app_name = "monitoring-api"
urlpatterns = [
    path("plan-progress/", views.PlanProgressView.as_view(), name="plan-progress"),
]
