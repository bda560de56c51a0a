"""Sign-in and account pages under /cuenta/. Names without a namespace, as django.contrib.auth's."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.account, name="account"),
    path("ingresar/", auth_views.LoginView.as_view(), name="login"),
    path("salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("contrasena/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "contrasena/cambiada/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("verificacion/", views.SecondFactorVerifyView.as_view(), name="second_factor_verify"),
    path("doble-factor/activar/", views.SecondFactorEnrolView.as_view(), name="second_factor_enrol"),
    path("doble-factor/qr.svg", views.second_factor_qr, name="second_factor_qr"),
    path("doble-factor/codigos/", views.second_factor_codes, name="second_factor_codes"),
]
