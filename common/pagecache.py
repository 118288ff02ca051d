"""Whole public pages kept in each worker's memory for anonymous visitors (docs/performance.md).

Profiling the public pages under gunicorn showed that the time goes to rendering templates (the
frame every page shares: header, menu, language switcher; then the page itself) and to network
round trips to PostgreSQL and Redis, each of which costs more than the whole bare view on a busy
machine. A page an anonymous visitor sees is the same for every anonymous visitor in a language,
except for the CSRF token of its forms (the language switcher is a form on every page).

`public_page` keeps the rendered page in this process's memory, with each CSRF token replaced by a
placeholder, and fills in the visitor's own token (`get_token`, which also sets their cookie) when
it serves the page again. Serving costs one Redis GET: the version of all public pages. Any save or
delete of a model a public page may show bumps that version (`page_data_changed`), so a workshop or
module saved in the admin shows at once on every worker; the copies also expire after
`PUBLIC_PAGE_CACHE_SECONDS`, which bounds what time alone changes (a workshop that started, a quiz
that closed), what signals do not see (`QuerySet.update`), and a page rendered from the old rows
between a save and its commit (as for common/cache.py's fragments).

A page drawn from its query string (a list filtered by topic, a library search, a certificate
code) names those parameters: `@public_page(query=("topic", ...))` keeps one copy per distinct query
that uses only them (MAX_QUERY_LENGTH characters at most); any other parameter is rendered afresh.
`may_serve_copy(request)` is asked before a copy is served (the certificate check: not to a visitor
over the failure limit), and a view calls `no_shared_copy(response)` on a response that must be
rendered for each visitor (an unknown certificate code, which counts as a failure every time).

Two relatives use the same memory and versions: `shared_response` keeps the answer to a POST that is
the same for many anonymous people (a quiz's thanks page for a given score), and `private_response`
keeps a signed-in person's own page for them alone, under a second version its owner bumps whenever
what the page shows changes (the case queue: incidents.selectors.CASES_VERSION).

Never cached: anything but a GET; a query string the page did not name; a request with a session
cookie (signed in, or a session holding state or flash messages) or a messages cookie; a response
that is not 200, sets a cookie other than the CSRF one, touched the session, queued a message, was
marked with `no_shared_copy`, or carries a CSRF token the placeholder cannot account for. With Redis
down the version is unknown and pages are rendered as before.
"""

import functools
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

VERSION_KEY = "public-pages:version"
PLACEHOLDER = "\x00csrf-token\x00"
MAX_PAGES = 500  # per worker; a page is 3-30 KB
MAX_QUERY_LENGTH = 1024  # longer: rendered for its visitor, not kept (100 Urdu letters are 600 in a URL)

# Written often and shown on no public page (or only through an aggregate with its own cache), so a
# save does not retire the pages: sessions, counters, private cases, anonymous answers.
NOT_ON_PUBLIC_PAGES = {
    "sessions.session",
    "admin.logentry",
    "common.ratelimitcounter",
    "common.workerheartbeat",
    "notifications.delivery",
    "workshops.quizresponse",
    "workshops.feedback",
    "workshops.workshopauditentry",
    "curriculum.materialdownloadcount",
    "incidents.case",
    "incidents.message",
    "incidents.note",
    "incidents.evidence",
    "incidents.referral",
    "incidents.auditentry",
}

_TOKEN_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(">)')

_pages: OrderedDict[tuple, tuple] = OrderedDict()
_lock = threading.Lock()


def page_data_changed(sender=None, **kwargs) -> None:
    """Retire every cached public page, on every worker."""
    if sender is not None and sender._meta.label_lower in NOT_ON_PUBLIC_PAGES:
        return
    global _last_read
    _this_request.__dict__.pop("version", None)  # read it again, after the bump
    _last_read = None
    version_bump(VERSION_KEY)


def version_bump(key: str) -> None:
    """Retire every copy kept under the version `key`, on every worker."""
    try:
        cache.incr(key)
    except ValueError:  # no version yet (or Redis down: then nothing is served from memory anyway)
        cache.set(key, int(time.time() * 1000), None)


# The version is read from Redis once per request (a quiz answer asks three times: its workshop, its
# quizzes, its thanks page) and forgotten when the request ends or this process changes data.
_this_request = threading.local()


def _request_started(**kwargs) -> None:
    _this_request.__dict__.clear()
    _this_request.in_request = True


def _request_finished(**kwargs) -> None:
    _this_request.__dict__.clear()


def connect_signals() -> None:
    for signal in (post_save, post_delete):
        signal.connect(page_data_changed, weak=False, dispatch_uid=f"public-pages-{signal is post_save}")
    m2m_changed.connect(_m2m_changed, weak=False, dispatch_uid="public-pages-m2m")
    request_started.connect(_request_started, weak=False, dispatch_uid="public-pages-request-started")
    request_finished.connect(_request_finished, weak=False, dispatch_uid="public-pages-request-finished")


def _m2m_changed(sender=None, action="", **kwargs) -> None:
    if action.startswith("post_"):
        page_data_changed(sender=sender)


def clear() -> None:
    """Forget this worker's copies (tests)."""
    global _last_read
    with _lock:
        _pages.clear()
        _memos.clear()
    _last_read = None


_last_read: int | None = None  # the version this process last read from Redis


def _current_version() -> int | None:
    """The version of all public data: once per request (outside a request, every time)."""
    global _last_read
    if "version" in _this_request.__dict__:
        return _this_request.version
    version = _last_read = _version_of(VERSION_KEY)
    if getattr(_this_request, "in_request", False):
        _this_request.version = version
    return version


def assume_last_version() -> int | None:
    """Take the version this worker last read as this request's, without asking Redis, and return
    it (None when there is none to assume: then it is read as usual). Only for a request whose one
    write checks that version in the same round trip and starts over, after `forget_version()`,
    when it had moved on: the quiz answer (`ratelimit.attempt_then_push(unless_changed=...)`)."""
    if _last_read is not None and getattr(_this_request, "in_request", False):
        _this_request.version = _last_read
        return _last_read
    return None


def forget_version() -> None:
    """Read the version from Redis again at its next use in this request."""
    _this_request.__dict__.pop("version", None)


def _version_of(key: str) -> int | None:
    version = cache.get(key)
    if version is None and cache.add(key, int(time.time() * 1000), None):
        version = cache.get(key)
    return version


_memos: OrderedDict[tuple, tuple] = OrderedDict()


def remembered(key: tuple, compute, seconds: int | None = None):
    """`compute()`, kept in this worker's memory under `key` until public data changes (the same
    version as the pages) or `seconds` pass. For objects that are costly to fetch and to pickle (a
    workshop's quizzes with their page texts); they must be treated as read-only by the caller.
    With Redis down, computed every time."""
    version = _current_version() if settings.PUBLIC_PAGE_CACHE_SECONDS > 0 else None
    if version is None:
        return compute()
    now = time.monotonic()
    with _lock:
        kept = _memos.get(key)
    if kept is not None and kept[0] == version and kept[1] > now:
        return kept[2]
    value = compute()
    with _lock:
        _memos[key] = (version, now + (seconds or settings.PUBLIC_PAGE_CACHE_SECONDS), value)
        _memos.move_to_end(key)
        while len(_memos) > MAX_PAGES:
            _memos.popitem(last=False)
    return value


def no_shared_copy(response: HttpResponse) -> HttpResponse:
    """Never keep this response for other visitors (it must be rendered for each one)."""
    response.no_shared_copy = True  # type: ignore[attr-defined]
    return response


def _query_key(request: HttpRequest, query: tuple[str, ...]) -> tuple | None:
    """The page's query as part of its key: () without one, None when it may not be kept."""
    query_string = request.META.get("QUERY_STRING", "")
    if not query_string:
        return ()
    if len(query_string) > MAX_QUERY_LENGTH or not set(request.GET) <= set(query):
        return None
    return tuple(sorted((name, tuple(values)) for name, values in request.GET.lists()))


def _anonymous(request: HttpRequest) -> bool:
    """No session and no flash messages: the visitor sees what every anonymous visitor sees."""
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _may_keep(request: HttpRequest, response: HttpResponse, *, private: bool = False) -> bool:
    """Whether `response` may be kept: for every anonymous visitor, or (`private`) for its own
    signed-in person, whose session is theirs anyway."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        # The CSRF cookie alone (set by a view's own csrf_protect): serving a copy sets the visitor's own.
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        and (private or not (session is not None and (session.modified or not session.is_empty())))
        and not (messages is not None and getattr(messages, "added_new", False))
        and not getattr(response, "no_shared_copy", False)
        and response.get("Content-Type", "").startswith("text/html")
    )


def _template_of(request: HttpRequest, response: HttpResponse) -> str | None:
    """The page with its CSRF tokens replaced by the placeholder, or None if that is not safe."""
    content = response.content.decode(response.charset)
    template, replaced = _TOKEN_INPUT.subn(lambda match: match[1] + PLACEHOLDER + match[3], content)
    # Any other trace of a token (the secret, or a token outside a form field) must not be shared.
    secret = request.META.get("CSRF_COOKIE") or ""
    if content.count("csrfmiddlewaretoken") != replaced or (secret and secret in template):
        return None
    return template


def _copy_of(key: tuple, version) -> tuple | None:
    """This worker's kept copy under `key`, if it is of `version` and not expired."""
    with _lock:
        kept = _pages.get(key)
        if kept is not None:
            _pages.move_to_end(key)
    if kept is not None and kept[0] == version and kept[1] > time.monotonic():
        return kept
    return None


def _served_copy(request: HttpRequest, kept: tuple) -> HttpResponse:
    _version, _expires, template, headers = kept
    response = HttpResponse(template.replace(PLACEHOLDER, get_token(request)))
    for name, value in headers:
        response[name] = value
    return response


def _keep(
    request: HttpRequest, key: tuple, version, response: HttpResponse, *, private: bool = False
) -> HttpResponse:
    """Render `response` and keep a copy under `key` if it may be shared (`private`: kept for the
    signed-in person the key names)."""
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    if (
        _may_keep(request, response, private=private)
        and (template := _template_of(request, response)) is not None
    ):
        headers = [(name, value) for name, value in response.items()]
        expires = time.monotonic() + settings.PUBLIC_PAGE_CACHE_SECONDS
        with _lock:
            _pages[key] = (version, expires, template, headers)
            _pages.move_to_end(key)
            while len(_pages) > MAX_PAGES:
                _pages.popitem(last=False)
    return response


def public_page(view=None, *, query: tuple[str, ...] = (), may_serve_copy=None):
    """Serve an anonymous visitor's GET of this page from memory; see the module docstring.
    `query`: the query parameters the page is drawn from; `may_serve_copy(request)`: whether this
    visitor may be served a kept copy (asked only when there is one)."""
    if view is None:
        return functools.partial(public_page, query=query, may_serve_copy=may_serve_copy)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or not _anonymous(request):
            return view(request, *args, **kwargs)
        if (query_key := _query_key(request, query)) is None:
            return view(request, *args, **kwargs)
        version = _current_version()
        if version is None:  # Redis is down: no way to know whether a copy is current
            return view(request, *args, **kwargs)
        key = (request.get_host(), request.is_secure(), request.path, translation.get_language(), query_key)
        kept = _copy_of(key, version)
        if kept is not None and (may_serve_copy is None or may_serve_copy(request)):
            return _served_copy(request, kept)
        return _keep(request, key, version, view(request, *args, **kwargs))

    return wrapper


def shared_response(request: HttpRequest, key: tuple, respond) -> HttpResponse:
    """`respond()`, kept like a public page for every anonymous visitor whose response has the same
    `key` (with the path and language): for an answer to a POST that is the same for many people,
    such as a quiz's thanks page for a given score. The caller has done the request's own work (its
    writes) already; only the response is shared. Signed-in visitors always get `respond()`."""
    version = _current_version() if _anonymous(request) else None
    if version is None:
        return respond()
    key = ("shared", request.get_host(), request.is_secure(), request.path, translation.get_language(), *key)
    kept = _copy_of(key, version)
    if kept is not None:
        return _served_copy(request, kept)
    return _keep(request, key, version, respond())


def private_response(request: HttpRequest, key: tuple, respond, *, changes_with: str) -> HttpResponse:
    """`respond()` for a signed-in person, kept in this worker's memory for that person alone (never
    in Redis, never served to anyone else) while neither public data nor the version `changes_with`
    has changed, PUBLIC_PAGE_CACHE_SECONDS at most. Its owner bumps `changes_with` (`version_bump`, at
    the save and again once it is committed) whenever anything the page shows changes. For a staff list that
    people reload often, the case queue; the caller has checked who may see the page."""
    user = getattr(request, "user", None)
    if (
        settings.PUBLIC_PAGE_CACHE_SECONDS <= 0
        or request.method != "GET"
        or not (user and user.is_authenticated)
        or CookieStorage.cookie_name in request.COOKIES  # flash messages are shown once
    ):
        return respond()
    public, own = _current_version(), _version_of(changes_with)
    if public is None or own is None:  # Redis is down
        return respond()
    key = ("private", user.pk, request.get_host(), request.path, translation.get_language(), *key)
    kept = _copy_of(key, (public, own))
    if kept is not None:
        return _served_copy(request, kept)
    return _keep(request, key, (public, own), respond(), private=True)
