"""`{% site_header %}`: the header every page shares, rendered once per worker and kept in memory.

The header (site name, menu, sign-in or dashboard links, language switcher) was a third of a
freshly rendered page's time: twelve `reverse()` calls, forty translations and a hundred template
nodes (docs/performance.md). What it shows depends only on the language, on whether the visitor is
signed in, and on which menu entry is the current page, so it is rendered once for each of those
(a few dozen variants at most) and kept in this process. Nothing about the person is in the kept
copy: the language switcher's CSRF token and the address it returns to (`next`) are placeholders,
filled in for each request. Names, counts and messages stay outside the header.

Nothing in it comes from the database, so nothing retires it but a restart (a deploy). Tests clear it
between tests (`clear`, tests/conftest.py).
"""

import threading

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from config import context_processors

register = template.Library()

# Letters only, so HTML escaping leaves them as they are and they cannot occur in a real page.
TOKEN_PLACEHOLDER = "siteheaderCsrfTokenPlaceholder"  # noqa: S105 - not a secret
NEXT_PLACEHOLDER = "siteheaderNextPathPlaceholder"

_headers: dict[tuple, str] = {}
_menus: dict[tuple, list[tuple[str, str]]] = {}
_lock = threading.Lock()


def clear() -> None:
    with _lock:
        _headers.clear()
        _menus.clear()


def _where() -> tuple:
    """What the URLs depend on besides the language: the URLconf in use and the script prefix."""
    return (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


def _menu(language: str) -> list[tuple[str, str]]:
    """The menu's (address, label) pairs in `language`, reversed once per worker."""
    key = (language, *_where())
    menu = _menus.get(key)
    if menu is None:
        menu = [(reverse(name), str(label)) for name, label in context_processors.MAIN_NAVIGATION]
        with _lock:
            _menus[key] = menu
    return menu


def _render(
    menu: list[tuple[str, str]], current: int | None, signed_in: bool, token: str, next_path: str
) -> str:
    return render_to_string(
        "includes/header.html",
        {
            "main_navigation": [
                {"url": url, "label": label, "current": index == current}
                for index, (url, label) in enumerate(menu)
            ],
            "signed_in": signed_in,
            "csrf_token": token,
            "next_path": next_path,
        },
    )


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    language = translation.get_language()
    menu = _menu(language)
    request = context.get("request")
    if request is None:  # a template rendered outside a request: drawn as it is, not kept
        signed_in = bool(getattr(context.get("user"), "is_authenticated", False))
        return mark_safe(_render(menu, None, signed_in, context.get("csrf_token") or "", ""))  # noqa: S308
    signed_in = bool(getattr(getattr(request, "user", None), "is_authenticated", False))
    current = next((index for index, (url, _label) in enumerate(menu) if request.path.startswith(url)), None)
    key = (language, signed_in, current, *_where())
    html = _headers.get(key)
    if html is None:
        html = _render(menu, current, signed_in, TOKEN_PLACEHOLDER, NEXT_PLACEHOLDER)
        with _lock:
            _headers[key] = html
    # get_token also sets the visitor's CSRF cookie, as {% csrf_token %} does.
    return mark_safe(  # noqa: S308 - our own template; the two values filled in are escaped
        html.replace(TOKEN_PLACEHOLDER, escape(get_token(request))).replace(
            NEXT_PLACEHOLDER, escape(request.get_full_path())
        )
    )
