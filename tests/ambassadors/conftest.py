import pytest
from django.utils import translation


@pytest.fixture
def eager_celery():
    """Run queued tasks in-process (the task code is the real one; only the broker hop is skipped)."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False
    app.conf.task_eager_propagates = False


@pytest.fixture
def english():
    """Services speak the active language; assertions on messages read the English source."""
    with translation.override("en"):
        yield
