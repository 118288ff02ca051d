from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import views

# The admin signs in through allauth, so MFA and login rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Hifazat"

# A database that refuses answers a translated 503 page, whichever layer raised (common/faults.py).
handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/worker", views.healthz_worker, name="healthz_worker"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("incidents.urls")),
    path("workshops/", include("workshops.urls")),
    path("library/", include("curriculum.urls")),
    path("impact/", include("impact.urls")),
    path("", include("ambassadors.urls")),  # /<lang>/ambassadors/... and /<lang>/certificates/verify/
    prefix_default_language=True,
)
