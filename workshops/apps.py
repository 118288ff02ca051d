from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from workshops.models import Registration, Workshop, WorkshopTopic
        from workshops.selectors import public_list_changed

        def forget_public_list(**kwargs) -> None:
            """Any saved workshop, topic or registration (admin edits included) retires the cached
            public list: now, and again once committed, so a page rendered from the
            not-yet-committed state is not kept."""
            public_list_changed()
            transaction.on_commit(public_list_changed)

        for model in (Workshop, WorkshopTopic, Registration):
            post_save.connect(forget_public_list, sender=model, dispatch_uid=f"public-list-{model.__name__}")
            post_delete.connect(
                forget_public_list, sender=model, dispatch_uid=f"public-list-{model.__name__}-delete"
            )
