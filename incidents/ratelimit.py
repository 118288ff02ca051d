"""Rate limits for anonymous reporting that never store who the client is.

The client address is masked (IPv4 /24, IPv6 /48: shared NATs and privacy addresses make finer
masks pointless), then reduced to an HMAC keyed with INCIDENT_RATE_LIMIT_KEY (its own setting; when empty, a key
derived from SECRET_KEY with a purpose label). Only that HMAC appears in a cache key, with a TTL of the window. The address itself is
read from REMOTE_ADDR and never logged, stored or put in a cache key.
"""

import hashlib
import hmac
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window_seconds: int


def _key() -> bytes:
    configured = getattr(settings, "INCIDENT_RATE_LIMIT_KEY", "")
    if configured:
        return configured.encode()
    # Derived, so a deployment needs no extra secret; a purpose label keeps it unrelated to any
    # other use of SECRET_KEY.
    return hmac.new(settings.SECRET_KEY.encode(), b"hifazat.incidents.rate-limit", hashlib.sha256).digest()


def masked_address(address: str) -> str:
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "unknown"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def client_fingerprint(request: HttpRequest) -> str:
    masked = masked_address(request.META.get("REMOTE_ADDR", ""))
    return hmac.new(_key(), masked.encode(), hashlib.sha256).hexdigest()[:32]


def _cache_key(limit: Limit, request: HttpRequest) -> str:
    return f"incidents:rl:{limit.scope}:{client_fingerprint(request)}"


def is_limited(limit: Limit, request: HttpRequest) -> bool:
    return (cache.get(_cache_key(limit, request)) or 0) >= limit.attempts


def hit(limit: Limit, request: HttpRequest) -> None:
    key = _cache_key(limit, request)
    if cache.add(key, 1, timeout=limit.window_seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.window_seconds)


def submission_limit() -> Limit:
    return Limit("submit", settings.INCIDENT_SUBMISSIONS_PER_HOUR, 3600)


def follow_up_failure_limit() -> Limit:
    return Limit("follow-up", settings.INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES, 15 * 60)
