from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        from common.cache import retire_on_change
        from workshops.models import Registration, Workshop, WorkshopTopic
        from workshops.selectors import PUBLIC_LIST

        # The cached public list shows seats left: any workshop, topic or registration change retires it.
        retire_on_change(PUBLIC_LIST, Workshop, WorkshopTopic, Registration)
