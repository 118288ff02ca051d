"""The limits of anonymous reporting, counted with the shared helper (common/ratelimit.py): only an
HMAC of the masked client address appears in a cache key, with the window as TTL.

While the cache is unreachable these limits refuse (REFUSE: "try again in a minute", the form kept)
rather than count in the database: DESIGN.md keeps anything derived from a reporter's address out of
the database of record and its backups, even as an HMAC (docs/faults.md)."""

from django.conf import settings

from common.ratelimit import REFUSE, Attempt, Limit, attempt, attempt_for, masked_address

__all__ = [
    "Attempt",
    "Limit",
    "attempt",
    "attempt_for",
    "follow_up_failure_limit",
    "follow_up_message_limit",
    "masked_address",
    "submission_limit",
]


def submission_limit() -> Limit:
    return Limit("report-submit", settings.INCIDENT_SUBMISSIONS_PER_HOUR, 3600, when_cache_down=REFUSE)


def follow_up_failure_limit() -> Limit:
    """Wrong code/secret pairs from one connection; every attempt counts until it proves right."""
    return Limit(
        "report-follow-up",
        settings.INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES,
        15 * 60,
        when_cache_down=REFUSE,
    )


def follow_up_message_limit() -> Limit:
    """Messages a reporter adds to one case per hour (attempt_for with the case's code as subject)."""
    return Limit(
        "report-message", settings.INCIDENT_FOLLOW_UP_MESSAGES_PER_HOUR, 3600, when_cache_down=REFUSE
    )
