import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curriculum.models import Module, TranslationStatus
from tests.curriculum.factories import ModuleFactory, topic

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_library_lists_published_modules_in_the_page_language(client):
    ModuleFactory(title_en="Fake SMS", title_ur="جعلی ایس ایم ایس")
    ModuleFactory(
        title_en="Hidden draft", status_en=TranslationStatus.DRAFT, status_ur=TranslationStatus.DRAFT
    )
    page = client.get("/ur/library/").content.decode()
    assert "جعلی ایس ایم ایس" in page
    assert "Hidden draft" not in page


def test_library_query_count_does_not_grow_with_modules(client):
    ModuleFactory.create_batch(5)
    small = _queries(client, "/ur/library/")
    ModuleFactory.create_batch(195)
    assert Module.objects.count() == 200
    assert _queries(client, "/ur/library/") == small
    assert _queries(client, "/ur/library/?topic=scams-fraud&audience=general&available=ur&page=3") <= small


def test_filters_by_topic_audience_and_language(client):
    ModuleFactory(title_en="About scams", topic=topic("scams-fraud"), audience="elderly")
    ModuleFactory(title_en="About rumours", topic=topic("misinformation"), audience="youth")
    ModuleFactory(title_en="Only English", status_ur=TranslationStatus.DRAFT)
    page = client.get("/en/library/?topic=misinformation").content.decode()
    assert "About rumours" in page and "About scams" not in page
    page = client.get("/en/library/?audience=elderly").content.decode()
    assert "About scams" in page and "About rumours" not in page
    page = client.get("/en/library/?available=ur").content.decode()
    assert "Only English" not in page and "About scams" in page


def test_search_finds_text_in_any_language(client):
    ModuleFactory(title_en="WhatsApp safety", body_ur="دو مرحلہ تصدیق آن کریں")
    ModuleFactory(title_en="Something else")
    page = client.get("/en/library/", {"q": "تصدیق"}).content.decode()
    assert "WhatsApp safety" in page and "Something else" not in page
    page = client.get("/en/library/", {"q": "whatsapp"}).content.decode()
    assert "WhatsApp safety" in page


def test_bad_filters_are_ignored_with_a_message_not_an_error(client):
    ModuleFactory(title_en="Still listed")
    response = client.get(
        "/en/library/", {"topic": "no-such-topic", "available": "xx", "page": "abc", "q": "Sti\u200bll"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Still listed" in page
    assert "Some filters were not understood" in page


def test_library_works_without_javascript_and_is_light(client):
    ModuleFactory.create_batch(24)
    response = client.get("/ur/library/")
    page = response.content.decode()
    assert "<script" not in page
    assert len(response.content) < 60 * 1024
