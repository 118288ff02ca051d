"""What a person sees when the database refuses a request (read-only, unreachable, restarting).

A translated 503 page instead of an error: for a form sent with POST, the page carries what was typed
in hidden fields and a "Send again" button that posts it back to the same address, so nothing typed
is lost (files excepted: a browser never lets a page choose files). Passwords are not carried back.
The connection that failed is closed, so the next request opens a fresh one: a session opened while
the database was read-only keeps that setting until it is closed, and CONN_HEALTH_CHECKS only checks
that a connection is alive. docs/faults.md says what each service's failure looks like.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import InterfaceError, InternalError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger("hifazat.faults")

RETRY_AFTER_SECONDS = 60
# Fields never written back into a page.
_NOT_CARRIED = ("password",)


def is_database_unavailable(error: BaseException | None) -> bool:
    """The database cannot take this request now: unreachable, restarting, or refusing writes."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    if isinstance(error, InternalError):
        # Class 25 (invalid transaction state) holds 25006 read_only_sql_transaction.
        code = getattr(error.__cause__, "pgcode", None) or getattr(error.__cause__, "sqlstate", None)
        return bool(code and code.startswith("25")) or "read-only" in str(error)
    return False


def close_failed_connections() -> None:
    """Drop connections that may carry a stale session (read-only) or a broken socket, unless a
    transaction is still open on them (its owner rolls back and closes)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            try:
                connection.close()
            except Exception as error:  # noqa: BLE001 - closing a broken connection may fail too
                logger.info("Closing a failed connection failed too (%s)", type(error).__name__)


def _carried_fields(request: HttpRequest) -> list[tuple[str, str]]:
    if request.method != "POST":
        return []
    try:
        items = request.POST.lists()
    except Exception:  # noqa: BLE001 - a body that cannot be read again: nothing to carry
        return []
    return [
        (name, value)
        for name, values in items
        if not any(word in name.lower() for word in _NOT_CARRIED)
        for value in values
    ]


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 page. Rendered without context processors or the session (they need the database)."""
    fields = _carried_fields(request)
    match = getattr(request, "resolver_match", None)
    context = {
        "fields": fields,
        # Back finds the form filled in only where the form page was reached by a link; the report
        # pages are reached by POST and never stored (no-store), so Back cannot show them again.
        "offer_back": match is not None and match.namespace != "incidents",
        "files_sent": request.method == "POST" and bool(getattr(request, "_files", None)),
        "action": request.get_full_path(),
        "page_font": settings.LANGUAGE_FONTS.get(translation.get_language()),
        "request": request,
    }
    response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # It may hold what a reporter typed: never kept by the browser or a proxy.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that fails because the database refuses answers the 503 page (with the form kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning("Database unavailable (%s): answered 503", type(exception).__name__)
        close_failed_connections()
        return unavailable_response(request)
