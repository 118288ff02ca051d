"""Limits against flooding one workshop's registrations, quiz or feedback from one connection,
counted with the shared helper (common/ratelimit.py): only an HMAC of the masked client address
appears in a cache key, with the window as its TTL; no address is stored. The limits are per workshop
and generous, because many people share an address (a venue's Wi-Fi, a mobile operator's NAT): a
facilitator registering a whole class, or a class answering the quiz together, stays well below them.

While Redis is unreachable they count in the database (DATABASE): a class registering or answering the
quiz together must not be turned away, and the HMAC rows are gone once their hour has passed
(docs/faults.md)."""

from django.conf import settings

from common.ratelimit import (
    DATABASE,
    Limit,
    VersionChanged,
    attempt,
    attempt_for,
    attempt_then_push,
    client_fingerprint,
)

__all__ = [
    "Limit",
    "VersionChanged",
    "attempt",
    "attempt_for",
    "attempt_then_push",
    "client_fingerprint",
    "feedback_limit",
    "quiz_limit",
    "registration_limit",
]


def registration_limit(workshop_id: int) -> Limit:
    return Limit(
        f"workshop-register:{workshop_id}",
        settings.WORKSHOP_REGISTRATIONS_PER_HOUR,
        3600,
        when_cache_down=DATABASE,
    )


def quiz_limit(workshop_id: int, stage: str) -> Limit:
    return Limit(
        f"workshop-quiz:{workshop_id}:{stage}",
        settings.WORKSHOP_QUIZ_ANSWERS_PER_HOUR,
        3600,
        when_cache_down=DATABASE,
    )


def feedback_limit(workshop_id: int) -> Limit:
    return Limit(
        f"workshop-feedback:{workshop_id}",
        settings.WORKSHOP_FEEDBACK_PER_HOUR,
        3600,
        when_cache_down=DATABASE,
    )
