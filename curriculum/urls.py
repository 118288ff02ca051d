from django.urls import path

from curriculum import views

app_name = "curriculum"

urlpatterns = [
    path("", views.library, name="library"),
    path("coverage/", views.coverage, name="coverage"),
    path("materials/<int:pk>/download/", views.material_download, name="material_download"),
    path("<slug:slug>/", views.module_detail, name="module"),
    path("<slug:slug>/offline/", views.pack_status, name="pack_status"),
    path("<slug:slug>/offline/download/", views.pack_download, name="pack"),
]
