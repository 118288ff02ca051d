from django.urls import path

from workshops.views import attendance, manage, mine, public, quiz, reports

app_name = "workshops"

urlpatterns = [
    path("", public.workshop_list, name="list"),
    path("<int:pk>/", public.workshop_detail, name="detail"),
    path("<int:pk>/calendar.ics", public.workshop_ics, name="ics"),
    path("<int:pk>/register/", public.workshop_register, name="register"),
    path("<int:pk>/registered/", public.registered, name="registered"),
    path("registration/<str:token>/", public.registration_view, name="registration"),
    path("feedback/<str:token>/", public.feedback, name="feedback"),
    path("quiz/<str:token>/", quiz.quiz_take, name="quiz_take"),
    path("feed/<str:token>.ics", mine.ambassador_feed, name="feed"),
    path("mine/", mine.my_workshops, name="mine"),
    path("mine/calendar-link/", mine.feed_rotate, name="feed_rotate"),
    path("manage/", manage.manage_list, name="manage_list"),
    path("manage/calendar/", manage.manage_calendar, name="manage_calendar"),
    path("manage/new/", manage.manage_create, name="manage_create"),
    path("manage/record/", manage.manage_record, name="manage_record"),
    path("manage/export.csv", reports.manage_export, name="manage_export"),
    path("manage/<int:pk>/", manage.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/edit/", manage.manage_edit, name="manage_edit"),
    path("manage/<int:pk>/publish/", manage.manage_publish, name="manage_publish"),
    path("manage/<int:pk>/reschedule/", manage.manage_reschedule, name="manage_reschedule"),
    path("manage/<int:pk>/cancel/", manage.manage_cancel, name="manage_cancel"),
    path(
        "manage/<int:pk>/registrations.csv", reports.manage_registrations_csv, name="manage_registrations_csv"
    ),
    path("manage/<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path("manage/<int:pk>/complete/", attendance.complete, name="complete"),
    path("manage/<int:pk>/quiz/", quiz.quiz, name="quiz"),
    path("manage/<int:pk>/quiz/sheet/", quiz.quiz_sheet, name="quiz_sheet"),
    path("manage/<int:pk>/facilitator-report/", reports.facilitator_report, name="facilitator_report"),
    path("manage/<int:pk>/report/", reports.report, name="report"),
]
