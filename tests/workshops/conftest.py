import importlib

import pytest


@pytest.fixture
def pakistan_regions():
    """Provinces and districts for transactional tests, reloaded if a flush removed them.

    `serialized_rollback` normally restores them, but once Playwright's event loop runs in the
    test thread (any browser test earlier in the session), Django hands out a new connection
    object without the serialized copy, the restore is silently skipped and the flush after each
    transactional test leaves the regions tables empty.
    """
    from django.apps import apps

    from regions.models import District

    if not District.objects.exists():
        migration = importlib.import_module("regions.migrations.0002_load_pakistan_districts")
        migration.load(apps, None)
