"""Four languages under their prefixes, right-to-left for three, switcher keeps the page."""

import re

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction"), [("en", "ltr"), ("ur", "rtl"), ("sd", "rtl"), ("ps", "rtl")]
)
def test_home_renders_in_each_language_with_lang_and_dir(client, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_home_is_actually_translated(client, language):
    english = client.get("/en/").content.decode()
    translated = client.get(f"/{language}/").content.decode()
    english_title = re.search(r"<h1>(.*?)</h1>", english).group(1)
    translated_title = re.search(r"<h1>(.*?)</h1>", translated).group(1)
    assert translated_title != english_title
    assert re.search(r"[\u0600-\u06FF]", translated_title), "the heading should be in Arabic script"


def test_root_redirects_to_urdu_without_a_preference(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 302
    assert response["Location"] == "/ur/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ps,en;q=0.5")
    assert response["Location"] == "/ps/"


def test_root_prefers_the_cookie_over_the_browser(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sd"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/sd/"


def test_switching_language_keeps_the_page_and_remembers_the_choice(client):
    response = client.post(
        "/i18n/setlang/", {"language": "sd", "next": "/en/accounts/login/?next=/en/dashboard/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/sd/accounts/login/?next=/en/dashboard/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sd"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/sd/"


def test_language_switcher_is_on_the_page_with_every_language(client):
    html = client.get("/ps/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    for code in ("en", "ur", "sd", "ps"):
        assert f'name="language" value="{code}"' in html
    assert 'name="next" value="/ps/"' in html


@pytest.mark.parametrize(
    ("language", "font", "absent"),
    [
        ("ur", "noto-nastaliq-urdu", "noto-naskh-arabic"),
        ("sd", "noto-naskh-arabic", "noto-nastaliq-urdu"),
        ("ps", "noto-naskh-arabic", "noto-nastaliq-urdu"),
    ],
)
def test_each_language_preloads_only_its_own_font(client, language, font, absent):
    html = client.get(f"/{language}/").content.decode()
    assert html.count('rel="preload"') == 1
    assert (
        f'<link rel="preload" href="/static/fonts/{font}-arabic-400-normal.woff2" as="font" type="font/woff2" crossorigin>'
        in html
    )
    assert absent not in html
    # One stylesheet, the same for every language (the fonts' rules are inside it).
    assert html.count('rel="stylesheet"') == 1


def test_english_loads_no_web_font(client):
    html = client.get("/en/").content.decode()
    assert "woff2" not in html
    assert 'rel="preload"' not in html


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_plural_forms_work_at_run_time(language):
    # A placeholder Plural-Forms header compiles but crashes here (DESIGN.md, Languages).
    with translation.override(language):
        assert translation.ngettext("%(count)s day", "%(count)s days", 5) is not None
        assert translation.get_language_bidi()


def test_numbers_stay_left_to_right_in_rtl_pages(client):
    html = client.get("/ur/").content.decode()
    assert '<bdi dir="ltr">0800-39393</bdi>' in html
