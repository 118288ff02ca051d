"""Media storage helpers shared by the apps: local disk in the embedded default, an S3-compatible bucket
when S3_BUCKET is set (config/settings.py, docs/scaling.md). Code reads and writes media only through
Django's storage API (FieldFile.open/save, storage.delete), never by filesystem path, so both work."""

import logging
from functools import partial

from django.core.files.storage import Storage, default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete

logger = logging.getLogger(__name__)


def stored_file_delete(*, name: str, storage: Storage | None = None) -> bool:
    """Delete a stored file after the rows that pointed to it are gone (called from on_commit).

    A storage that fails now (object store unreachable, disk read-only) must neither undo nor hide what
    was already committed: the failure is logged without the name and False returned. Evidence left
    this way is removed by the nightly orphan sweep (incidents.services.evidence_orphans_remove)."""
    if not name:
        return True
    try:
        (storage or default_storage).delete(name)
    except Exception as error:  # noqa: BLE001 - any storage error; the caller has nothing to roll back
        logger.warning("A stored file could not be deleted now (%s)", type(error).__name__)
        return False
    return True


def files_deleted_with_rows(*file_models: type[models.Model]) -> None:
    """Delete the stored files of these models' rows once their deletion commits, however the rows go
    (an admin delete, a bulk action, a cascade from a deleted module): otherwise the file stays on the
    node's disk or in the bucket, pointed to by no row. Called once from the app's ready()."""
    for model in file_models:
        post_delete.connect(
            _stored_files_delete, sender=model, dispatch_uid=f"stored-files-{model._meta.label}"
        )


def _stored_files_delete(sender, instance: models.Model, using: str, **kwargs) -> None:
    for field in instance._meta.fields:
        if isinstance(field, models.FileField):
            stored = getattr(instance, field.attname)
            if stored:
                delete = partial(stored_file_delete, name=stored.name, storage=stored.storage)
                transaction.on_commit(delete, using=using)
