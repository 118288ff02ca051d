from django.urls import path

from workshops import views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("<int:pk>/", views.workshop_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.workshop_ics, name="ics"),
    path("<int:pk>/register/", views.workshop_register, name="register"),
    path("<int:pk>/registered/", views.registered, name="registered"),
    path("registration/<str:token>/", views.registration_view, name="registration"),
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("quiz/<str:token>/", views.quiz_take, name="quiz_take"),
    path("feed/<str:token>.ics", views.ambassador_feed, name="feed"),
    path("mine/", views.my_workshops, name="mine"),
    path("mine/calendar-link/", views.feed_rotate, name="feed_rotate"),
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/calendar/", views.manage_calendar, name="manage_calendar"),
    path("manage/new/", views.manage_create, name="manage_create"),
    path("manage/record/", views.manage_record, name="manage_record"),
    path("manage/export.csv", views.manage_export, name="manage_export"),
    path("manage/<int:pk>/", views.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/edit/", views.manage_edit, name="manage_edit"),
    path("manage/<int:pk>/publish/", views.manage_publish, name="manage_publish"),
    path("manage/<int:pk>/reschedule/", views.manage_reschedule, name="manage_reschedule"),
    path("manage/<int:pk>/cancel/", views.manage_cancel, name="manage_cancel"),
    path(
        "manage/<int:pk>/registrations.csv", views.manage_registrations_csv, name="manage_registrations_csv"
    ),
    path("manage/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("manage/<int:pk>/complete/", views.complete, name="complete"),
    path("manage/<int:pk>/quiz/", views.quiz, name="quiz"),
    path("manage/<int:pk>/quiz/sheet/", views.quiz_sheet, name="quiz_sheet"),
    path("manage/<int:pk>/facilitator-report/", views.facilitator_report, name="facilitator_report"),
    path("manage/<int:pk>/report/", views.report, name="report"),
]
