import importlib

import pytest


@pytest.fixture
def regions(transactional_db):
    """Provinces and districts for tests that commit (transaction=True): the flush between such tests
    empties the tables the data migration filled, so load them again (idempotent)."""
    from django.apps import apps

    from regions.models import Province

    if not Province.objects.exists():
        importlib.import_module("regions.migrations.0002_load_pakistan_districts").load(apps, None)
