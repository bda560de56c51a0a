from django.urls import path

from . import views

app_name = "national-api"
urlpatterns = [
    path("national-progress/", views.NationalProgressView.as_view(), name="national-progress"),
]
