from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.log, name="log"),
    path("<int:delivery_id>/", views.detail, name="detail"),
    path("<int:delivery_id>/retry/", views.retry, name="retry"),
    path("announcements/", views.announcements, name="announcements"),
    path(
        "announcements/<int:announcement_id>/cancel/", views.announcement_cancel, name="announcement_cancel"
    ),
    path("my-phone/", views.phone, name="phone"),
]
