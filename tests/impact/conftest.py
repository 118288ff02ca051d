import importlib

import pytest


@pytest.fixture(autouse=True)
def categories(db):
    """Incident categories (seeded by a data migration) exist even after a transactional test's flush."""
    from django.apps import apps

    from incidents.models import Category

    if not Category.objects.exists():
        importlib.import_module("incidents.migrations.0002_seed_categories_contacts_templates").seed(
            apps, None
        )
