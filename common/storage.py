"""Media storage helpers shared by the apps: local disk in the embedded default, an S3-compatible bucket
when S3_BUCKET is set (config/settings.py, docs/scaling.md). Code reads and writes media only through
Django's storage API (FieldFile.open/save, storage.delete), never by filesystem path, so both work."""

import logging

from django.core.files.storage import Storage, default_storage

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
