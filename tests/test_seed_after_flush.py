"""A transactional test (transaction=True, live_server, the browser and Celery-worker tests) ends with
Django flushing every table. What the data migrations seeded (districts, the default training track,
incident categories, topics) is back for whatever test runs next: tests/conftest.py, `migration_seed`.

Each test here flushes the way a transactional test's teardown does, then looks as a person would."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from accounts.models import User
from ambassadors.models import Track
from tests import factories
from tests.ambassadors.factories import ApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def flush_like_a_transactional_test_teardown() -> None:
    """TransactionTestCase._fixture_teardown (no available_apps, no serialized_rollback), then the
    empty cache the next test starts with (the apply page keeps its rendered form there)."""
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    cache.clear()


def district_options(client) -> list[str]:
    page = client.get("/en/ambassadors/apply/").content.decode()
    select = re.search(r'<select name="district".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


@pytest.fixture
def eager_celery():
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_after_a_flush_the_application_form_still_lists_every_district(client):
    before = district_options(client)
    assert "Karachi Central" in before

    flush_like_a_transactional_test_teardown()

    assert district_options(client) == before


def test_after_a_flush_an_approved_applicant_is_enrolled_in_the_default_track(client, eager_celery):
    names = Track.objects.filter(is_default=True).values("slug", "name_en", "name_ur").get()

    flush_like_a_transactional_test_teardown()

    # The same track, its translated names written as the migration wrote them.
    assert Track.objects.filter(is_default=True).values("slug", "name_en", "name_ur").get() == names
    application = ApplicationFactory(
        email="ayesha@example.pk", district=factories.district("Karachi Central")
    )
    client.force_login(factories.coordinator("SD"))
    response = client.post(f"/en/ambassadors/review/{application.pk}/approve/", {"email": ""})
    assert response.status_code == 302
    profile = User.objects.get(email="ayesha@example.pk").ambassador_profile
    assert profile.enrolments.get().track.slug == names["slug"]
