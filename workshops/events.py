"""Hooks that run after a workshop or registration changed, once the transaction has committed.

For now they only log (ids and the kind of change: never names, phones or emails). The
notifications app hooks its confirmations and reminders in here, so services never need to know
about SMS or email.
"""

import logging

logger = logging.getLogger("hifazat.workshops")

# Kinds of change, for whoever hooks in.
WORKSHOP_CHANGES = {"created", "updated", "published", "rescheduled", "cancelled", "completed"}
REGISTRATION_CHANGES = {"confirmed", "waitlisted", "promoted", "cancelled"}


def workshop_changed(workshop_id: int, change: str) -> None:
    logger.debug("workshop %s %s", workshop_id, change)


def registration_changed(registration_id: int, change: str) -> None:
    logger.debug("registration %s %s", registration_id, change)
