from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        from workshops import fragments

        fragments.connect()  # the cached page fragments are retired when what they show changes
