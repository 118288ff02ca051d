"""Limits against flooding one workshop's registrations, quiz or feedback from one connection,
counted with the shared helper (common/ratelimit.py): only an HMAC of the masked client address
appears in a cache key, with the window as its TTL; no address is stored. The limits are per workshop
and generous, because many people share an address (a venue's Wi-Fi, a mobile operator's NAT): a
facilitator registering a whole class, or a class answering the quiz together, stays well below them."""

from django.conf import settings

from common.ratelimit import Limit, attempt

__all__ = ["Limit", "attempt", "feedback_limit", "quiz_limit", "registration_limit"]


def registration_limit(workshop_id: int) -> Limit:
    return Limit(f"workshop-register:{workshop_id}", settings.WORKSHOP_REGISTRATIONS_PER_HOUR, 3600)


def quiz_limit(workshop_id: int, stage: str) -> Limit:
    return Limit(f"workshop-quiz:{workshop_id}:{stage}", settings.WORKSHOP_QUIZ_ANSWERS_PER_HOUR, 3600)


def feedback_limit(workshop_id: int) -> Limit:
    return Limit(f"workshop-feedback:{workshop_id}", settings.WORKSHOP_FEEDBACK_PER_HOUR, 3600)
