from django.urls import path

from impact import views

app_name = "impact"

urlpatterns = [
    path("", views.public, name="public"),
    path("export/<slug:table>.<slug:fmt>", views.public_export, name="public_export"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export/<slug:table>.<slug:fmt>", views.dashboard_export, name="dashboard_export"),
]
