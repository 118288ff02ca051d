from django.urls import path

from ambassadors.views import coordinators, public, training

app_name = "ambassadors"

urlpatterns = [
    # Public
    path("ambassadors/apply/", public.apply, name="apply"),
    path("ambassadors/apply/received/", public.applied, name="applied"),
    path("ambassadors/welcome/<str:uidb64>/<str:token>/", public.welcome, name="welcome"),
    path("certificates/verify/", public.certificate_verify, name="certificate_verify"),
    # The ambassador
    path("ambassadors/me/", training.home, name="home"),
    path("ambassadors/me/steps/<int:step_id>/", training.step, name="step"),
    path("ambassadors/me/steps/<int:step_id>/quiz/", training.quiz, name="quiz"),
    path("ambassadors/me/attempts/<int:pk>/", training.attempt, name="attempt"),
    path("ambassadors/me/confirmations/", training.confirmations, name="confirmations"),
    path("ambassadors/me/confirmations/<int:pk>/", training.confirmation_decide, name="confirmation_decide"),
    path(
        "ambassadors/certificates/<str:code>/certificate.pdf",
        training.certificate_download,
        name="certificate_pdf",
    ),
    path(
        "ambassadors/certificates/<str:code>/language/",
        training.certificate_language,
        name="certificate_language",
    ),
    # Coordinators
    path("ambassadors/review/", coordinators.review_queue, name="review_queue"),
    path("ambassadors/review/<int:pk>/", coordinators.review_detail, name="review_detail"),
    path("ambassadors/review/<int:pk>/approve/", coordinators.review_approve, name="review_approve"),
    path("ambassadors/review/<int:pk>/decline/", coordinators.review_decline, name="review_decline"),
    path("ambassadors/review/<int:pk>/resend/", coordinators.review_resend, name="review_resend"),
    path("ambassadors/directory/", coordinators.directory, name="directory"),
    path("ambassadors/directory/export.csv", coordinators.directory_export, name="directory_export"),
    path("ambassadors/directory/<int:pk>/", coordinators.directory_detail, name="directory_detail"),
    path("ambassadors/directory/<int:pk>/mentor/", coordinators.directory_mentor, name="directory_mentor"),
    path("ambassadors/directory/<int:pk>/enrol/", coordinators.directory_enrol, name="directory_enrol"),
    path("ambassadors/directory/<int:pk>/promote/", coordinators.directory_promote, name="directory_promote"),
    path(
        "ambassadors/certificates/<str:code>/revoke/",
        coordinators.certificate_revoke,
        name="certificate_revoke",
    ),
]
