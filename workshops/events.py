"""Hooks that run after a workshop or registration changed, once the transaction has committed.

They log (ids and the kind of change: never names, phones or emails) and hand the change to
workshops/reminders.py, which withdraws messages the change made obsolete and queues the notices
(rescheduled, moved, cancelled, promoted), so services never need to know about SMS or email.
"""

import logging

logger = logging.getLogger("hifazat.workshops")

# Kinds of change, for whoever hooks in.
WORKSHOP_CHANGES = {"created", "updated", "published", "rescheduled", "moved", "cancelled", "completed"}
REGISTRATION_CHANGES = {"confirmed", "waitlisted", "promoted", "cancelled"}


def workshop_changed(workshop_id: int, change: str) -> None:
    logger.debug("workshop %s %s", workshop_id, change)
    from workshops import reminders

    reminders.workshop_changed(workshop_id=workshop_id, change=change)


def registration_changed(registration_id: int, change: str) -> None:
    logger.debug("registration %s %s", registration_id, change)
    from workshops import reminders

    reminders.registration_changed(registration_id=registration_id, change=change)
