import importlib

import pytest


@pytest.fixture
def seeded(django_db_blocker):
    """Regions and incident seed data for transactional tests, whatever earlier flushes left.

    serialized_rollback restores them in most orders; this makes the tests independent of that.
    """
    from django.apps import apps

    from incidents.models import Category
    from regions.models import District

    if not District.objects.exists():
        importlib.import_module("regions.migrations.0002_load_pakistan_districts").load(apps, None)
    if not Category.objects.exists():
        importlib.import_module("incidents.migrations.0002_seed_categories_contacts_templates").seed(
            apps, None
        )
