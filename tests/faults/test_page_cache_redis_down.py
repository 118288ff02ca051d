"""Whole public pages kept in memory (common/pagecache.py) with Redis stopped: the version that says
whether a copy is current cannot be read, so nothing is served from memory and a change saved while
Redis is down shows at once."""

import pytest
from django.test import Client

from tests.curriculum.factories import ModuleFactory
from tests.workshops.factories import WorkshopFactory


@pytest.mark.django_db
def test_with_redis_stopped_pages_are_rendered_afresh(own_redis, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    workshop = WorkshopFactory(title="Staying safe on WhatsApp")
    module = ModuleFactory(title_ur="جعلی ادائیگیاں")
    pages = {
        f"/ur/workshops/{workshop.pk}/": "Staying safe on WhatsApp",
        f"/ur/library/{module.slug}/": "جعلی ادائیگیاں",
    }
    for url, text in pages.items():  # kept in memory
        assert text in Client().get(url).content.decode()

    own_redis.stop()
    workshop.title = "Spotting fake bank calls"
    workshop.save()
    module.title_ur = "او ٹی پی کی چوری"
    module.save()

    changed = {
        f"/ur/workshops/{workshop.pk}/": "Spotting fake bank calls",
        f"/ur/library/{module.slug}/": "او ٹی پی کی چوری",
    }
    for url, text in changed.items():
        response = Client().get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
