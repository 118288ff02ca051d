from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Rules register themselves on import: this app's own, and every app's `reminders.py`.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("reminders")
