from django.urls import path  # noqa: F401

app_name = "indicators"
urlpatterns: list = []

# --- Issue 5b (goals grid, POM matrices) urls: urlpatterns += [...] below --------------------------


# --- Issue 5c (indicator sheets `index`, `dashboard`, activity report) urls: urlpatterns += [...] below
