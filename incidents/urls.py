from django.urls import path

from incidents import views

app_name = "incidents"

urlpatterns = [
    path("report/", views.report, name="report"),
    path("report/follow-up/", views.follow_up, name="follow_up"),
    path("cases/", views.queue, name="queue"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/assign/", views.case_assign, name="case_assign"),
    path("cases/<int:pk>/status/", views.case_status, name="case_status"),
    path("cases/<int:pk>/note/", views.case_note, name="case_note"),
    path("cases/<int:pk>/reply/", views.case_reply, name="case_reply"),
    path("cases/<int:pk>/referral/", views.case_referral, name="case_referral"),
    path("cases/<int:pk>/export/", views.case_export, name="case_export"),
    path("cases/<int:pk>/delete/", views.case_delete, name="case_delete"),
    path("cases/<int:pk>/files/<int:file_pk>/", views.evidence_download, name="evidence_download"),
]
