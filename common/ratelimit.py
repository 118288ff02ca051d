"""Rate limits that hold under concurrency and never store who the client is.

Every limit counts first and decides on the counter's value: `attempt()` increments the cache
counter of the current window (atomic `add` then `incr`) and allows the request only if the value it
got back is within the limit. Forty simultaneous requests against a limit of eight therefore let eight
through, whatever their timing; a check-then-count scheme lets all forty through. An attempt that
should not count after all (a form error, a successful sign-in against a failures limit) is given
back with `Attempt.refund()`.

Windows are fixed (the key carries the window's number), so a counter whose TTL was lost in a race
with its expiry never blocks anyone beyond its own window.

Limits per client key on the masked address (IPv4 /24, IPv6 /48: shared NATs and privacy addresses
make finer masks pointless), reduced to an HMAC keyed with RATE_LIMIT_KEY (its own setting; when empty,
a key derived from SECRET_KEY with a purpose label). Limits per address typed by a person (an email
at sign-in) key on an HMAC of that too. Only HMACs appear in cache keys, with the window as TTL; the
address itself is read from REMOTE_ADDR and never logged, stored or put in a cache key.

Both caches count atomically and in one step (`count`): Redis runs INCR and, on a new counter, EXPIRE
in one Lua script (one round trip: EVALSHA), and the embedded default's file cache
(common.cache_backends.FileBasedCache) adds or increments under a lock shared across processes. Counters live in the
`ratelimit` cache alias, which raises when Redis is unreachable instead of answering like an empty
cache. Each limit then says what happens (`Limit.when_cache_down`): DATABASE counts the window in the
database (common.models.RateLimitCounter: one atomic upsert, the same HMAC key, deleted once the window
has passed), REFUSE refuses the attempt (`Attempt.unavailable`) and the view says "try again in a
minute" while keeping the form. Which limit does which, and why: docs/faults.md.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from common.cache_backends import CacheUnavailable

PREFIX = "rl"
# What a limit does while its cache cannot be reached.
DATABASE = "database"
REFUSE = "refuse"
# Where an attempt was counted.
CACHE = "cache"
NOWHERE = "nowhere"

# Shown (with status 503 and the form as it was typed) when a REFUSE limit cannot count.
UNAVAILABLE_MESSAGE = gettext_lazy(
    "We cannot accept this for a moment. Nothing you typed is lost: please try again in a minute."
)
RETRY_AFTER_SECONDS = 60

logger = logging.getLogger("hifazat.ratelimit")


def _cache():
    return caches["ratelimit"]


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window_seconds: int
    # DATABASE or REFUSE: what happens while the cache (Redis) cannot be reached (docs/faults.md).
    when_cache_down: str = DATABASE


@dataclass
class Attempt:
    """One counted attempt: `allowed` says whether it fits the limit; `unavailable`, that it could
    not be counted at all (the cache is down and the limit refuses rather than count elsewhere)."""

    key: str
    count: int
    limit: Limit
    store: str = CACHE

    @property
    def unavailable(self) -> bool:
        return self.store == NOWHERE

    @property
    def allowed(self) -> bool:
        return not self.unavailable and self.count <= self.limit.attempts

    def refund(self) -> None:
        """Give the attempt back (it should not count). Safe to call twice only if counted twice."""
        if self.store == DATABASE:
            from common.services import rate_limit_counter_decrement

            rate_limit_counter_decrement(key=self.key)
            return
        if self.store != CACHE:
            return
        try:
            _cache().decr(self.key)
        except ValueError:  # the window ended meanwhile: nothing left to give back
            pass
        except CacheUnavailable:  # gone since it counted: the window is lost anyway
            pass

    # allauth calls rollback() on the usage it stored when a sign-in succeeds.
    rollback = refund


def _hmac_key() -> bytes:
    configured = getattr(settings, "RATE_LIMIT_KEY", "") or getattr(settings, "INCIDENT_RATE_LIMIT_KEY", "")
    if configured:
        return configured.encode()
    # Derived, so a deployment needs no extra secret; a purpose label keeps it unrelated to any
    # other use of SECRET_KEY. (The label predates the shared helper; changing it would reset limits.)
    return hmac.new(settings.SECRET_KEY.encode(), b"hifazat.incidents.rate-limit", hashlib.sha256).digest()


def masked_address(address: str) -> str:
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "unknown"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def fingerprint(value: str) -> str:
    return hmac.new(_hmac_key(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_fingerprint(request: HttpRequest) -> str:
    return fingerprint(masked_address(request.META.get("REMOTE_ADDR", "")))


def _count_in_cache(key: str, limit: Limit) -> int:
    # One round trip (Redis: a script doing INCR and, on a new counter, EXPIRE). A little longer
    # than the window, so the counter outlives any request that counted in it.
    return _cache().count(key, limit.window_seconds + 60)


def _counter_key(limit: Limit, subject: str) -> str:
    window = int(time.time() // limit.window_seconds)
    return f"{PREFIX}:{limit.scope}:{window}:{subject}"


def attempt_for(limit: Limit, subject: str) -> Attempt:
    """Count one attempt of `subject` (already an HMAC) against `limit`."""
    key = _counter_key(limit, subject)
    try:
        return Attempt(key=key, count=_count_in_cache(key, limit), limit=limit)
    except CacheUnavailable:
        pass
    if limit.when_cache_down == REFUSE:
        logger.warning("Rate limit %s refused an attempt: its cache is unavailable", limit.scope)
        return Attempt(key=key, count=0, limit=limit, store=NOWHERE)
    from common.services import rate_limit_counter_increment

    expires_at = timezone.now() + datetime.timedelta(seconds=limit.window_seconds + 60)
    count = rate_limit_counter_increment(key=key, expires_at=expires_at)
    return Attempt(key=key, count=count, limit=limit, store=DATABASE)


class VersionChanged(Exception):
    """`attempt_then_push(unless_changed=...)`: the version moved on; nothing was counted or queued."""


def attempt_then_push(
    limit: Limit,
    subject: str,
    *,
    list_key: str,
    values: list[str],
    unless_changed: tuple[str, int] | None = None,
) -> Attempt | None:
    """Count one attempt of `subject` against `limit` and, only if it is allowed, append `values` to
    the list `list_key` in the same Redis, in one round trip (a write whose data lives in Redis: the
    quiz answer buffer). `unless_changed`: (a version key, the value `values` were computed under);
    if it holds another value, raises VersionChanged and nothing happened. None when the cache has
    no lists or is down: the caller then counts with `attempt_for` and writes elsewhere. The attempt
    cannot be refunded (what it queued stays). The keys are made by the rate-limit cache, which
    shares its store and key prefix with the default cache (config/settings.py, CACHES)."""
    count_then_push = getattr(_cache(), "count_then_push", None)
    if count_then_push is None:
        return None
    key = _counter_key(limit, subject)
    try:
        count = count_then_push(
            key, limit.window_seconds + 60, limit.attempts, list_key, values, unless_changed
        )
    except CacheUnavailable:
        return None
    if count < 0:
        raise VersionChanged
    return Attempt(key=key, count=count, limit=limit)


def attempt(limit: Limit, request: HttpRequest) -> Attempt:
    """Count one attempt from the request's (masked, HMAC'd) address against `limit`."""
    return attempt_for(limit, client_fingerprint(request))


def within_limit(limit: Limit, request: HttpRequest) -> bool:
    """Whether one more attempt from the request's address would be allowed, read without counting.

    Only for a request whose attempt would be given back at once whatever happens (a certificate
    code already known to exist, served from a kept page): counting then refunding it comes to the
    same. Never use it to decide whether to look something up: simultaneous readers all see the
    same count (see the module docstring). False when the counter cannot be read."""
    try:
        count = _cache().get(_counter_key(limit, client_fingerprint(request)))
    except CacheUnavailable:
        return False
    return (count or 0) < limit.attempts
