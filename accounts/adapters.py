import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.utils import translation

from common import ratelimit

logger = logging.getLogger(__name__)


class _Attempts:
    """What allauth keeps as its 'usage' between pre_authenticate and a successful sign-in."""

    def __init__(self, attempts: list[ratelimit.Attempt]):
        self.attempts = attempts

    def rollback(self) -> None:
        for attempt in self.attempts:
            attempt.refund()


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Staff accounts are created by admins and by approving ambassador applications, never by
        self-service sign-up: every account carries a role and a scope someone vetted."""
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails (a password-reset link, an address confirmation) leave through the
        notifications delivery log, like every message to a person: written now, sent by a worker
        once the request's transaction commits, retried if the mail server fails, their secret text
        never shown in the log (accounts/reminders.py). Only people with an account get one
        (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS is off: accounts are made by staff, and the reset page looks
        the same either way)."""
        from accounts.models import User
        from accounts.reminders import ACCOUNT_EMAIL
        from notifications.services import email_written_send

        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        if user is None:
            logger.info("account email %s not sent: no account has this address", template_prefix)
            return
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        email_written_send(
            kind=ACCOUNT_EMAIL,
            recipient=user,
            to=email,
            title=message.subject,
            body=message.body,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )

    def get_client_ip(self, request: HttpRequest) -> str:
        """What allauth's own limits (sign-in page, password reset) key on: the HMAC of the masked
        address, never the address itself (allauth keeps IPv4 addresses whole in its cache keys)."""
        return ratelimit.client_fingerprint(request)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count the sign-in before the password is checked, per connection and per email typed.

        allauth's own counter reads and writes a list under a lock made of the cache's `add`, which the
        file cache of the embedded default cannot make atomic, and keys on the (truncated) address;
        the shared helper increments atomically and keys on HMACs only. A successful sign-in gives
        its attempts back (allauth calls rollback()), so only failures add up. While Redis is down the
        attempts count in the database: staff keep signing in, and guessing stays limited.
        """
        limit = ratelimit.Limit(
            "sign-in", settings.SIGN_IN_FAILURES_PER_15_MINUTES, 15 * 60, when_cache_down=ratelimit.DATABASE
        )
        login = str(credentials.get("email", credentials.get("username", ""))).strip().lower()
        attempts = [
            ratelimit.attempt(limit, request),
            ratelimit.attempt_for(limit, ratelimit.fingerprint(f"email:{login}")),
        ]
        self._login_failed_rl_usage = _Attempts(attempts)
        if not all(attempt.allowed for attempt in attempts):
            raise self.validation_error("too_many_login_attempts")
