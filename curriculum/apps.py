from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self) -> None:
        from common.cache import retire_on_change
        from curriculum import dashboard  # noqa: F401  (registers the dashboard cards)
        from curriculum.models import Activity, Material, Module, MythFactCard, Topic
        from curriculum.views import LIBRARY

        # The cached library list shows modules, topics and which languages have material.
        retire_on_change(LIBRARY, Topic, Module, Activity, MythFactCard, Material)
