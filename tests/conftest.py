import importlib
import os
from pathlib import Path

import pytest
from django.conf import settings

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts"))
IN_CI = bool(os.environ.get("CI"))

# Playwright's sync API runs an event loop in the test thread; the ORM calls our browser tests make
# between page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser", "tests.world"]


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return [f"hifazat: database={engine} cache/broker={'redis' if settings.REDIS_URL else 'local files'}"]


def pytest_collection_modifyitems(config, items):
    """Postgres-only tests skip on SQLite with a visible reason, except in CI where that is a failure."""
    if settings.USING_POSTGRES:
        return
    # CI runs the suite on PostgreSQL, then once more on the embedded default on purpose
    # (HIFAZAT_TEST_EMBEDDED=1); a lost DATABASE_URL must not turn the first run into the second.
    if IN_CI and not os.environ.get("HIFAZAT_TEST_EMBEDDED"):
        raise pytest.UsageError("CI must run on PostgreSQL: DATABASE_URL is not set")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL"))


@pytest.fixture(autouse=True)
def _isolated_state(settings, tmp_path):
    """Each test starts with an empty cache (rate limits) and its own media folder. Whole public pages
    are not kept in memory (common/pagecache.py) unless a test turns it on: most tests change rows
    directly and look again; tests/common/test_page_cache.py checks the cache itself."""
    from django.core.cache import cache

    from common import pagecache
    from config.templatetags import frame

    cache.clear()
    pagecache.clear()
    frame.clear()
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


def _load_regions() -> None:
    import importlib

    from django.apps import apps

    from regions.models import Province

    if not Province.objects.exists():
        importlib.import_module("regions.migrations.0002_load_pakistan_districts").load(apps, None)


@pytest.fixture(autouse=True)
def regions(request):
    """Provinces and districts exist in every test that touches the database.

    The data migration fills them once, but the flush after each transactional test (transaction=True,
    live_server) empties every table; load them again (idempotent, one query when present)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if transactional or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        _load_regions()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


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
