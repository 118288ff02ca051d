"""How to reach a facilitator: the rules workshop reminders and ambassador nudges share.

A facilitator is an `accounts.User`: email, and SMS to their `notifications.UserPhone`, else the
phone on their profile; a UserPhone with SMS turned off means no SMS.
"""

from django.db.models import Q

from notifications.models import Channel

SMS, EMAIL = Channel.SMS.value, Channel.EMAIL.value


def facilitator_sms_number(*, user, profile) -> str | None:
    """The user's SMS number if they saved one (None if they turned SMS off), else their profile's."""
    user_phone = getattr(user, "notification_phone", None)
    if user_phone is not None:
        return user_phone.phone if user_phone.sms_enabled else None
    return profile.phone or None


def facilitator_channel_filters(profile: str) -> dict:
    """Rows whose facilitator can be reached on the channel (`profile` is the path to the profile)."""
    user = f"{profile}__user"
    return {
        SMS: Q(**{f"{user}__notification_phone__sms_enabled": True})
        | (Q(**{f"{user}__notification_phone__isnull": True}) & ~Q(**{f"{profile}__phone": ""})),
        EMAIL: ~Q(**{f"{user}__email": ""}),
    }
