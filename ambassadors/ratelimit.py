"""Rate limits for the public ambassador pages, counted with the shared helper
(common/ratelimit.py): only an HMAC of the masked client address appears in a cache key, with the
window as its TTL; no address is stored. While Redis is unreachable both count in the database
(DATABASE): applicants give their name and number anyway, and guessing certificate codes must stay
slow (docs/faults.md)."""

from django.conf import settings

from common.ratelimit import DATABASE, Limit, attempt, within_limit

__all__ = ["Limit", "application_limit", "attempt", "verify_failure_limit", "within_limit"]


def verify_failure_limit() -> Limit:
    """Codes typed on the verify page: guessing codes stops after a few misses (a hit is given back)."""
    return Limit(
        "certificate-verify",
        settings.CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES,
        15 * 60,
        when_cache_down=DATABASE,
    )


def application_limit() -> Limit:
    return Limit(
        "ambassador-apply", settings.AMBASSADOR_APPLICATIONS_PER_HOUR, 3600, when_cache_down=DATABASE
    )
