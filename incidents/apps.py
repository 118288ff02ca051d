from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _scope_changed(sender=None, **kwargs) -> None:
    """A handler's scope may have changed: bump the data version again once the change is committed.

    common.pagecache bumps it at the save itself, inside the transaction; a queue page read between
    that bump and the commit would keep the old scope under the new version (selectors.handler_scope)
    and a handler who lost a district would see its cases until the copy expired."""
    from common.pagecache import page_data_changed

    if kwargs.get("action", "post_").startswith("post_"):
        transaction.on_commit(page_data_changed)


def _cases_changed(sender=None, **kwargs) -> None:
    """A case was saved or deleted: the queue pages kept in memory are retired, now and again once
    the change is committed (a page rendered in between, without it, is not kept under the new
    version)."""
    from common.pagecache import version_bump
    from incidents.selectors import CASES_VERSION

    version_bump(CASES_VERSION)
    transaction.on_commit(lambda: version_bump(CASES_VERSION))


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = _("Confidential reports")

    def ready(self) -> None:
        from accounts.models import User
        from incidents.models import Case, HandlerScope
        from regions.models import District

        for signal in (post_save, post_delete):
            signal.connect(_cases_changed, sender=Case, dispatch_uid=f"incident-cases-{signal is post_save}")

        for model in (User, HandlerScope, District):
            for signal in (post_save, post_delete):
                signal.connect(
                    _scope_changed,
                    sender=model,
                    dispatch_uid=f"incident-scope-{model.__name__}-{signal is post_save}",
                )
        for through in (User.districts.through, HandlerScope.categories.through):
            m2m_changed.connect(
                _scope_changed, sender=through, dispatch_uid=f"incident-scope-{through.__name__}"
            )
