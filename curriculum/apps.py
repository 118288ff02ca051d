from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self) -> None:
        from common.cache import retire_on_change
        from common.storage import files_deleted_with_rows
        from curriculum import dashboard  # noqa: F401  (registers the dashboard cards)
        from curriculum.models import Activity, Material, Module, MythFactCard, OfflinePack, Topic
        from curriculum.views import LIBRARY, MODULE_PAGE

        # The cached library list shows modules, topics and which languages have material; the
        # cached module pages show all of those and the activities and cards too.
        retire_on_change(LIBRARY, Topic, Module, Activity, MythFactCard, Material)
        retire_on_change(MODULE_PAGE, Topic, Module, Activity, MythFactCard, Material)
        # A deleted material or module (its materials and offline packs go with it) leaves no file behind.
        files_deleted_with_rows(Material, OfflinePack)
