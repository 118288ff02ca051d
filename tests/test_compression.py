"""Text goes out compressed, in `make run` too; what is compressed already (fonts) goes out as it is."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_a_page_is_sent_gzipped_to_a_browser_that_takes_it(client):
    response = client.get("/ur/report/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert 'lang="ur"' in html
    assert len(response.content) < len(html.encode()) / 2


def test_a_page_is_sent_plain_to_a_client_that_does_not_ask(client):
    response = client.get("/ur/report/")
    assert not response.has_header("Content-Encoding")


def test_make_run_serves_the_stylesheet_gzipped_and_the_font_as_it_is(client, settings):
    # `make run` (DEBUG, whitenoise reading the source folders): no pre-compressed copies exist.
    assert settings.WHITENOISE_USE_FINDERS
    css = client.get("/static/css/hifazat.css", HTTP_ACCEPT_ENCODING="gzip")
    assert css.status_code == 200
    assert css["Content-Encoding"] == "gzip"
    assert b"@font-face" in gzip.decompress(b"".join(css.streaming_content))

    font = client.get("/static/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2", HTTP_ACCEPT_ENCODING="gzip")
    assert font.status_code == 200
    assert not font.has_header("Content-Encoding")
    assert b"".join(font.streaming_content)[:4] == b"wOF2"
