from django.urls import path

from . import views

app_name = "notices"
urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/leido/", views.notice_read, name="read"),
    path("leidos/", views.notices_read_all, name="read_all"),
    path("silenciar/", views.kind_silence, name="silence"),
]
