"""Quiet hours: no SMS at night in Pakistan (21:00 to 08:00 Asia/Karachi by default). Email may go."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

KARACHI = ZoneInfo("Asia/Karachi")


def _bounds() -> tuple[int, int]:
    start, end = settings.NOTIFICATIONS_QUIET_HOURS
    return start, end


def in_quiet_hours(moment: datetime) -> bool:
    start, end = _bounds()
    hour = moment.astimezone(KARACHI).hour
    if start == end:
        return False
    if start > end:  # spans midnight
        return hour >= start or hour < end
    return start <= hour < end


def quiet_hours_end(moment: datetime) -> datetime:
    """The first moment at or after `moment` when an SMS may go."""
    if not in_quiet_hours(moment):
        return moment
    _, end = _bounds()
    local = moment.astimezone(KARACHI)
    candidate = datetime.combine(local.date(), time(end), tzinfo=KARACHI)
    if candidate <= local:
        candidate += timedelta(days=1)
    return candidate


def earliest_send(*, channel: str, due_at: datetime) -> datetime:
    return quiet_hours_end(due_at) if channel == "sms" else due_at
