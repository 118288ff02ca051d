import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from common.pagecache import remembered

# What a user who still has to set up MFA may reach: the setup itself, signing out, the language
# switch, static files and the health probe.
MFA_SETUP_ALLOWED_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "set_language",
    "healthz",
}


class RequireMFAMiddleware:
    """Case handlers and admins reach nothing until they have set up TOTP (DESIGN.md, Roles)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and user.requires_mfa
            and not _mfa_set_up(user)
            and not self._allowed(request)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _allowed(request: HttpRequest) -> bool:
        if request.path.startswith("/static/"):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.url_name in MFA_SETUP_ALLOWED_URL_NAMES


def _mfa_set_up(user) -> bool:
    """Whether the user has an authenticator. Asked on every request of every staff user, so the
    answer is kept in this worker's memory until an authenticator is added or removed anywhere (a
    save or delete bumps common.pagecache's version on every worker at once)."""
    return remembered(("mfa-set-up", user.pk), lambda: is_mfa_enabled(user))


SIGNED_IN_AT = "accounts:signed_in_at"
LAST_SEEN_AT = "accounts:last_seen_at"
LAST_SEEN_PRECISION = 60  # seconds: the session is written at most once a minute per person


def staff_session_mark_sign_in(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver: a session's absolute lifetime starts at the sign-in."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now


class StaffSessionMiddleware:
    """Sessions of people who can read confidential cases (case handlers, admins, staff) end
    STAFF_SESSION_MAX_SECONDS after sign-in and after STAFF_SESSION_IDLE_SECONDS without a request,
    whatever the cookie says: a phone or laptop left signed in does not keep the cases open.
    Everyone else keeps Django's session length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.requires_mfa:
            now = int(time.time())
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            last_seen_at = session.get(LAST_SEEN_AT, now)
            if (
                now - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS
                or now - last_seen_at > settings.STAFF_SESSION_IDLE_SECONDS
            ):
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
            elif now - last_seen_at >= LAST_SEEN_PRECISION or LAST_SEEN_AT not in session:
                session[LAST_SEEN_AT] = now
        return self.get_response(request)
