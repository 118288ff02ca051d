import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curriculum.models import TranslationStatus
from tests.curriculum.factories import ActivityFactory, ModuleFactory, MythFactCardFactory, material

pytestmark = pytest.mark.django_db


def test_module_page_shows_plan_cards_and_materials_in_urdu(client):
    module = ModuleFactory()
    ActivityFactory(module=module, minutes=20)
    MythFactCardFactory(module=module)
    material(module, language="ur", title="اردو ہینڈ آؤٹ")
    response = client.get(f"/ur/library/{module.slug}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert module.title_ur in page
    assert "اصلی اور جعلی پیغامات الگ کریں" in page
    assert "کوئی بینک کبھی او ٹی پی نہیں مانگتا۔" in page
    assert "اردو ہینڈ آؤٹ" in page
    assert "CC BY-SA 4.0" in page
    assert '<html lang="ur" dir="rtl">' in page
    assert "<script" not in page
    assert "<strong>او ٹی پی</strong>" in page  # Markdown rendered


def test_module_page_query_count_is_constant(client):
    small = ModuleFactory()
    ActivityFactory.create_batch(2, module=small)
    MythFactCardFactory.create_batch(2, module=small)
    material(small)
    big = ModuleFactory()
    ActivityFactory.create_batch(20, module=big)
    MythFactCardFactory.create_batch(20, module=big)
    for language in ("en", "ur", "sd"):
        material(big, language=language)
    counts = []
    for module in (small, big):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/ur/library/{module.slug}/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_module_page_is_cached_until_its_content_changes(client):
    module = ModuleFactory()
    activity = ActivityFactory(module=module)
    url = f"/ur/library/{module.slug}/"
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert module.title_ur in client.get(url).content.decode()
    assert not [query for query in captured if "curriculum_" in query["sql"]]  # served from the cache

    module.title_ur = "نیا عنوان"
    module.save()
    assert "نیا عنوان" in client.get(url).content.decode()
    activity.title_ur = "نئی سرگرمی"
    activity.save()
    assert "نئی سرگرمی" in client.get(url).content.decode()
    assert "Sort real and fake messages" in client.get(f"/en/library/{module.slug}/").content.decode()
    module.status_ur = module.status_en = TranslationStatus.DRAFT
    module.save()
    assert client.get(url).status_code == 404


def test_sindhi_page_falls_back_to_urdu_and_says_so(client):
    module = ModuleFactory(title_sd="سنڌي عنوان", status_sd=TranslationStatus.NEEDS_REVIEW)
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "fallback-notice" in page
    assert module.title_ur in page
    assert "سنڌي عنوان" not in page  # not published: not shown


def test_english_fallback_notice_names_both_languages(client):
    module = ModuleFactory(status_ur=TranslationStatus.DRAFT)
    page = client.get(f"/ur/library/{module.slug}/").content.decode()
    assert module.title_en in page
    assert "fallback-notice" in page
    page_en_ui = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "fallback-notice" not in page_en_ui


def test_published_sindhi_is_shown_without_notice(client):
    module = ModuleFactory(title_sd="سنڌي عنوان", status_sd=TranslationStatus.PUBLISHED)
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "سنڌي عنوان" in page
    assert "fallback-notice" not in page


def test_unpublished_module_is_404(client):
    module = ModuleFactory(status_en=TranslationStatus.DRAFT, status_ur=TranslationStatus.NEEDS_REVIEW)
    assert client.get(f"/ur/library/{module.slug}/").status_code == 404


def test_needs_review_can_be_shown_with_a_notice_when_enabled(client, settings):
    settings.CURRICULUM_SHOW_UNREVIEWED = True
    module = ModuleFactory(status_en=TranslationStatus.DRAFT, status_ur=TranslationStatus.NEEDS_REVIEW)
    page = client.get(f"/ur/library/{module.slug}/").content.decode()
    assert module.title_ur in page
    assert "machine-assisted draft" in page or "مشینی" in page or "notice" in page


def test_script_in_the_body_is_removed(client):
    module = ModuleFactory(body_en='Hello <script>alert(1)</script><img src=x onerror="alert(2)"> **world**')
    page = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "alert(1)" not in page and "onerror" not in page
    assert "<strong>world</strong>" in page


def test_print_stylesheet_is_linked(client):
    module = ModuleFactory()
    page = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "curriculum/curriculum.css" in page
    from django.contrib.staticfiles import finders

    assert "@media print" in open(finders.find("curriculum/curriculum.css")).read()


def test_starter_module_page_fits_the_page_budget(client):
    from django.contrib.staticfiles import finders

    from curriculum.starter import starter_curriculum_load

    starter_curriculum_load(with_handouts=False)
    for language in ("ur", "sd"):
        response = client.get(f"/{language}/library/fake-payments-and-otp-theft/")
        assert response.status_code == 200
        css = sum(
            len(open(finders.find(name), "rb").read())
            for name in ("css/hifazat.css", "curriculum/curriculum.css", "css/fonts-nastaliq.css")
        )
        assert len(response.content) + css < 60 * 1024, (language, len(response.content), css)
