"""Page weight, in bytes (deterministic), as a real chromium loads the key public pages in every
language from a server set up as in production: collectstatic with whitenoise's compressed manifest
storage (hashed names), DEBUG off, static files served by whitenoise, not by the test server.

- HTML + CSS + JS of each page <= 60 KB before compression (DESIGN.md, Budgets);
- fonts on a first visit <= 170 KB, and only the page language's font (none in English);
- one stylesheet per page (`css/hifazat.css`, or `css/hifazat-<app>.css`: the frame and the app's rules);
- a second visit fetches no font and no stylesheet from the server: they come from the cache
  (`Cache-Control: max-age=315360000, public, immutable` on hashed names).

What chromium really requested is recorded at the server (not parsed from the HTML), so a font that a
stylesheet pulls in unexpectedly is counted. See docs/performance.md."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.accounts.test_demo_data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KB = 1024
PAGE_BUDGET = 60 * KB
FONT_BUDGET = 170 * KB
LANGUAGES = ("en", "ur", "sd", "ps")
LANGUAGE_FONT = {"en": None, "ur": "noto-nastaliq-urdu", "sd": "noto-naskh-arabic", "ps": "noto-naskh-arabic"}


class Recorder:
    """WSGI wrapper: every path chromium asked the server for, with the bytes of the body sent."""

    def __init__(self, app):
        self.app = app
        self.requests: list[tuple[str, int, str]] = []

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        encoding = {}

        def recording_start_response(status, headers, exc_info=None):
            encoding["value"] = dict((name.lower(), value) for name, value in headers).get(
                "content-encoding", ""
            )
            return start_response(status, headers, exc_info)

        body = b"".join(self.app(environ, recording_start_response))
        self.requests.append((path, len(body), encoding.get("value", "")))
        return [body]


@pytest.fixture
def production_server(settings, tmp_path):
    """A live server with production's static files: collectstatic into a temporary folder, hashed
    and compressed, served by whitenoise. Returns (base URL, recorder)."""
    from django.db import connections
    from django.test.testcases import LiveServerThread

    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_MAX_AGE = 60
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()
    load_demo()

    recorders = []

    def static_handler(app):
        recorders.append(Recorder(app))
        return recorders[-1]

    overrides = {
        conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for connection in overrides.values():
        connection.inc_thread_sharing()  # SQLite in memory: the server's threads use this connection
    thread = LiveServerThread("127.0.0.1", static_handler, connections_override=overrides, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}", recorders[0]
    thread.terminate()
    for connection in overrides.values():
        connection.dec_thread_sharing()
    cache.clear()


def key_pages() -> dict[str, str]:
    from workshops.models import Workshop

    workshop = Workshop.objects.upcoming().order_by("starts_at").first()
    return {
        "home": "/",
        "workshop list": "/workshops/",
        "workshop detail": f"/workshops/{workshop.pk}/",
        "library": "/library/",
        "module": "/library/fake-payments-and-otp-theft/",
        "report form": "/report/",
        "apply form": "/ambassadors/apply/",
        "certificate check": "/certificates/verify/",
        "impact": "/impact/",
    }


def kind(path: str) -> str:
    if path.startswith("/static/fonts/"):
        return "font"
    if re.search(r"\.(css|js)$", path):
        return "css/js"
    if path.startswith("/static/"):
        return "other"
    return "html"


def test_key_pages_fit_the_byte_budgets_and_fonts_come_from_the_cache_the_second_time(
    browser, production_server
):
    base, recorder = production_server
    pages = key_pages()
    table = []
    for language in LANGUAGES:
        for name, path in pages.items():
            # A new context has an empty cache: this is someone's first visit.
            context = browser.new_context(base_url=base, viewport={"width": 360, "height": 780})
            page = context.new_page()
            recorder.requests.clear()
            response = page.goto(f"/{language}{path}")
            assert response.status == 200, (language, path)
            page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
            first = list(recorder.requests)
            assert urlsplit(response.url).path == f"/{language}{path}"

            weight = sum(size for path_, size, _ in first if kind(path_) in {"html", "css/js"})
            # Bytes before compression: what the server sent, decompressed where it was compressed.
            uncompressed = sum(
                _plain_size(base, path_) for path_, _, _ in first if kind(path_) in {"html", "css/js"}
            )
            fonts = [path_ for path_, _, _ in first if kind(path_) == "font"]
            font_bytes = sum(size for path_, size, _ in first if kind(path_) == "font")
            table.append((language, name, uncompressed, weight, font_bytes))

            assert uncompressed <= PAGE_BUDGET, (language, name, uncompressed, first)
            assert font_bytes <= FONT_BUDGET, (language, name, font_bytes, fonts)
            expected = LANGUAGE_FONT[language]
            if expected is None:
                assert fonts == [], (language, name, fonts)
            else:
                assert len(fonts) == 1 and expected in fonts[0], (language, name, fonts)
            # One stylesheet per page: the frame, or the frame and the app's rules (css/hifazat-<app>.css).
            stylesheets = [path_ for path_, _, _ in first if path_.endswith(".css")]
            assert len(stylesheets) == 1, (language, name, stylesheets)
            assert stylesheets[0].startswith("/static/css/hifazat"), (language, name, stylesheets)
            # Text is sent compressed: the stylesheet by whitenoise (.br/.gz), the page by GZipMiddleware.
            # Fonts are compressed already (woff2) and are sent as they are.
            for path_, size, encoding in first:
                if kind(path_) in {"css/js", "html"}:
                    assert encoding in {"br", "gzip"}, (path_, encoding)
                if kind(path_) == "font":
                    assert encoding == "" and size == _plain_size(base, path_), (path_, encoding, size)

            # Second visit, same phone: another key page fetches no font, and at most its own app's
            # stylesheet if that is another one; this page again fetches no font, CSS or JS.
            recorder.requests.clear()
            other = pages["library"] if name != "library" else pages["home"]
            page.goto(f"/{language}{other}")
            page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
            fetched = [path_ for path_, _, _ in recorder.requests if kind(path_) in {"font", "css/js"}]
            assert [path_ for path_ in fetched if kind(path_) == "font"] == [], (language, name, fetched)
            assert len(fetched) <= 1 and all(path_.endswith(".css") for path_ in fetched), (
                language,
                name,
                fetched,
            )
            assert stylesheets[0] not in fetched, (language, name, fetched)
            recorder.requests.clear()
            page.goto(f"/{language}{path}")
            page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
            refetched = [path_ for path_, _, _ in recorder.requests if kind(path_) in {"font", "css/js"}]
            assert refetched == [], (language, name, refetched)
            context.close()
    print("\nlanguage  page  bytes(before compression)  bytes(sent)  font bytes")
    for row in table:
        print(*row, sep="  ")


_PLAIN_SIZES: dict[str, int] = {}


def _plain_size(base: str, path: str) -> int:
    """Size of a response's body before compression (fetched again without Accept-Encoding)."""
    from urllib.request import Request, urlopen

    if path.startswith("/static/") and path in _PLAIN_SIZES:
        return _PLAIN_SIZES[path]
    with urlopen(Request(base + path, headers={"Accept-Language": "en"})) as answer:  # noqa: S310 - loopback
        size = len(answer.read())
    if path.startswith("/static/"):
        _PLAIN_SIZES[path] = size
    return size
