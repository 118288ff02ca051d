"""Writes on the facilitator profile that workshops need (the private calendar feed)."""

from django.db import transaction

from facilitators.models import AmbassadorProfile, new_calendar_token


@transaction.atomic
def ambassador_calendar_token_rotate(*, profile: AmbassadorProfile) -> AmbassadorProfile:
    """Give the profile a new feed secret: calendars subscribed with the old URL stop updating."""
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token", "updated_at"])
    return profile
