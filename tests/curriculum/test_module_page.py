import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

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


DRAFT_NOTICE = "draft-notice"


def test_own_language_wins_over_a_published_fallback_with_a_draft_notice(client):
    """Sindhi "needs review" with text: a Sindhi reader gets Sindhi, not the published Urdu, and
    is told it is an unreviewed draft, in Sindhi."""
    module = ModuleFactory(
        title_sd="ڪوڙا پيغام سڃاڻو",
        summary_sd="ادائگي جا ڪوڙا پيغام سڃاڻڻ سکو.",
        status_sd=TranslationStatus.NEEDS_REVIEW,
    )
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "ڪوڙا پيغام سڃاڻو" in page and "ادائگي جا ڪوڙا پيغام سڃاڻڻ سکو." in page
    assert module.title_ur not in page
    assert "fallback-notice" not in page
    with translation.override("sd"):
        notice = translation.gettext("Draft translation, not yet reviewed by a native speaker.")
    assert notice != "Draft translation, not yet reviewed by a native speaker."  # translated
    assert notice in page and DRAFT_NOTICE in page
    # A field still empty in Sindhi comes from Urdu, marked as Urdu inside the Sindhi article.
    assert '<article class="module" lang="sd" dir="rtl">' in page
    assert 'lang="ur" dir="rtl"><p>اپنا <strong>او ٹی پی</strong>' in page


def test_the_library_shows_the_own_language_with_a_draft_notice(client):
    module = ModuleFactory(title_sd="ڪوڙا پيغام سڃاڻو", status_sd=TranslationStatus.NEEDS_REVIEW)
    page = client.get("/sd/library/").content.decode()
    assert "ڪوڙا پيغام سڃاڻو" in page and module.title_ur not in page
    assert DRAFT_NOTICE in page
    published = client.get("/ur/library/").content.decode()
    assert module.title_ur in published and DRAFT_NOTICE not in published


def test_a_draft_is_never_shown_and_the_page_falls_back_with_its_notice(client):
    module = ModuleFactory(title_sd="سنڌي عنوان", status_sd=TranslationStatus.DRAFT)
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "سنڌي عنوان" not in page
    assert module.title_ur in page
    assert "fallback-notice" in page and DRAFT_NOTICE not in page


def test_a_language_without_text_falls_back_even_if_marked_for_review(client):
    module = ModuleFactory(status_sd=TranslationStatus.NEEDS_REVIEW)  # no Sindhi title
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert module.title_ur in page and "fallback-notice" in page
    assert '<article class="module" lang="ur" dir="rtl">' in page


def test_english_fallback_is_left_to_right_inside_the_right_to_left_page(client):
    module = ModuleFactory(status_ur=TranslationStatus.DRAFT)
    page = client.get(f"/ur/library/{module.slug}/").content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert '<article class="module" lang="en" dir="ltr">' in page
    assert module.title_en in page and module.title_ur not in page
    assert 'class="notice fallback-notice" lang="ur" dir="rtl"' in page  # the notice stays Urdu
    assert 'class="module-facts" lang="ur" dir="rtl"' in page
    page_en_ui = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "fallback-notice" not in page_en_ui


def test_published_sindhi_is_shown_without_notice(client):
    module = ModuleFactory(title_sd="سنڌي عنوان", status_sd=TranslationStatus.PUBLISHED)
    page = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "سنڌي عنوان" in page
    assert "fallback-notice" not in page and DRAFT_NOTICE not in page


def test_a_module_with_only_drafts_is_404(client):
    module = ModuleFactory(status_en=TranslationStatus.DRAFT, status_ur=TranslationStatus.DRAFT)
    assert client.get(f"/ur/library/{module.slug}/").status_code == 404
    assert module.title_ur not in client.get("/ur/library/").content.decode()


def test_needs_review_alone_is_shown_with_the_draft_notice(client):
    module = ModuleFactory(status_en=TranslationStatus.DRAFT, status_ur=TranslationStatus.NEEDS_REVIEW)
    page = client.get(f"/ur/library/{module.slug}/").content.decode()
    assert module.title_ur in page and DRAFT_NOTICE in page
    assert client.get(f"/en/library/{module.slug}/").status_code == 404  # English is a draft


def test_the_cached_page_follows_a_status_change(client):
    module = ModuleFactory(title_sd="ڪوڙا پيغام سڃاڻو", status_sd=TranslationStatus.NEEDS_REVIEW)
    url = f"/sd/library/{module.slug}/"
    assert DRAFT_NOTICE in client.get(url).content.decode()
    assert "ڪوڙا پيغام سڃاڻو" not in client.get(f"/ur/library/{module.slug}/").content.decode()
    module.status_sd = TranslationStatus.PUBLISHED
    module.save()
    assert DRAFT_NOTICE not in client.get(url).content.decode()
    module.status_sd = TranslationStatus.DRAFT
    module.save()
    page = client.get(url).content.decode()
    assert "ڪوڙا پيغام سڃاڻو" not in page and module.title_ur in page


def test_script_in_the_body_is_removed(client):
    module = ModuleFactory(body_en='Hello <script>alert(1)</script><img src=x onerror="alert(2)"> **world**')
    page = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "alert(1)" not in page and "onerror" not in page
    assert "<strong>world</strong>" in page


def test_print_stylesheet_is_linked(client):
    module = ModuleFactory()
    page = client.get(f"/en/library/{module.slug}/").content.decode()
    assert "css/hifazat-curriculum.css" in page and "css/hifazat.css" not in page  # one stylesheet
    from django.contrib.staticfiles import finders

    assert "@media print" in open(finders.find("css/hifazat-curriculum.css")).read()


def test_starter_module_page_fits_the_page_budget(client):
    from django.contrib.staticfiles import finders

    from curriculum.starter import starter_curriculum_load

    starter_curriculum_load(with_handouts=False)
    for language in ("ur", "sd"):
        response = client.get(f"/{language}/library/fake-payments-and-otp-theft/")
        assert response.status_code == 200
        css = sum(len(open(finders.find(name), "rb").read()) for name in ("css/hifazat-curriculum.css",))
        assert len(response.content) + css < 60 * 1024, (language, len(response.content), css)
