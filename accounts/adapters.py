from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from common import ratelimit


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
