import importlib
import os
import random
from pathlib import Path

import pytest
from django.conf import settings

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts"))
IN_CI = bool(os.environ.get("CI"))

# Playwright's sync API runs an event loop in the test thread; the ORM calls our browser tests make
# between page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser", "tests.world"]

_ORDER_NOTE = pytest.StashKey[str]()


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return [f"hifazat: database={engine} cache/broker={'redis' if settings.REDIS_URL else 'local files'}"]


def _reorder(config, items) -> None:
    """HIFAZAT_TEST_ORDER=reverse|shuffle|shuffle:SEED runs the suite in another order, to show a test
    that passes only because of what an earlier one left behind. This runs after pytest-django has put
    the transactional tests last, so in another order they also run before and between the others."""
    order = os.environ.get("HIFAZAT_TEST_ORDER", "").strip()
    if not order:
        return
    if order == "reverse":
        items.reverse()
        note = "hifazat: tests run in reverse order (HIFAZAT_TEST_ORDER=reverse)"
    else:
        kind, _, seed_text = order.partition(":")
        if kind != "shuffle" or not (seed_text.isdigit() or not seed_text):
            raise pytest.UsageError(f"HIFAZAT_TEST_ORDER is reverse, shuffle or shuffle:SEED, not {order!r}")
        seed = int(seed_text) if seed_text else random.SystemRandom().randrange(1, 10**6)
        random.Random(seed).shuffle(items)
        note = f"hifazat: tests run shuffled; repeat this order with HIFAZAT_TEST_ORDER=shuffle:{seed}"
    config.stash[_ORDER_NOTE] = note
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(note)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say the order again at the end, next to the failures it may explain."""
    if _ORDER_NOTE in config.stash:
        terminalreporter.write_line(config.stash[_ORDER_NOTE])


def pytest_collection_modifyitems(config, items):
    """Postgres-only tests skip on SQLite with a visible reason, except in CI where that is a failure."""
    _reorder(config, items)
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("serialized_rollback"):
            # Its restore skips the flush's post_migrate (no reseeding) and collided with the content
            # types a plain transactional test's flush recreates.
            raise pytest.UsageError(f"{item.nodeid}: no serialized_rollback; `migration_seed` reseeds")
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


# The data migrations' seed functions, in migration order: (app, migration module, function). They
# fill a fresh database once; a transactional test (transaction=True, live_server, the Celery-worker
# and browser tests) ends by flushing every table, and `migration_seed` runs them again after it.
MIGRATION_SEED = [
    ("regions", "0002_load_pakistan_districts", "load"),
    ("regions", "0003_sindhi_and_pashto_names", "fill_names"),
    ("curriculum", "0002_seed_topics", "seed"),
    ("curriculum", "0005_topic_descriptions_sd_ps", "fill"),
    ("incidents", "0002_seed_categories_contacts_templates", "seed"),
    ("ambassadors", "0003_default_track", "load"),
]


def migration_seed_load() -> None:
    """What the data migrations put in a fresh database, put back (each function is idempotent; none
    uses its schema editor)."""
    from django.apps import apps
    from django.utils import translation

    # English active: the current models' untranslated fields (modeltranslation) then write the
    # English columns, as the historical models of the migrations did.
    with translation.override("en"):
        for app, migration, function in MIGRATION_SEED:
            seed = getattr(importlib.import_module(f"{app}.migrations.{migration}"), function)
            seed(apps, None)


@pytest.fixture(autouse=True, scope="session")
def migration_seed():
    """Seeded rows (districts, incident categories, topics, the default track) are there in every test,
    whatever ran before it.

    Django's TransactionTestCase ends with `flush`, which empties every table and then sends
    `post_migrate` once per app (without `plan`, unlike `migrate`; it sends none with
    `available_apps` or `serialized_rollback`, which this suite does not use). After the last app's
    signal, the built-in handlers have put back content types and permissions; this puts back the rest.
    """
    from django.apps import apps
    from django.db.models.signals import post_migrate

    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]

    def reseed(sender, plan=None, **kwargs):
        if plan is None and sender is last_app:
            migration_seed_load()

    post_migrate.connect(reseed, weak=False, dispatch_uid="tests.migration_seed")
    yield
    post_migrate.disconnect(dispatch_uid="tests.migration_seed")


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
