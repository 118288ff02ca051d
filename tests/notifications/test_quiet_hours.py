from datetime import datetime

from notifications.quiet_hours import KARACHI, earliest_send, in_quiet_hours, quiet_hours_end


def karachi(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KARACHI)


def test_night_is_quiet_from_21_to_8_in_karachi():
    assert not in_quiet_hours(karachi(20, 59))
    assert in_quiet_hours(karachi(21, 0))
    assert in_quiet_hours(karachi(3, 0))
    assert in_quiet_hours(karachi(7, 59))
    assert not in_quiet_hours(karachi(8, 0))


def test_an_sms_due_at_night_waits_until_eight_next_morning():
    assert quiet_hours_end(karachi(22, 30)) == karachi(8, 0, day=11)
    assert quiet_hours_end(karachi(2, 0)) == karachi(8, 0)
    assert quiet_hours_end(karachi(12, 0)) == karachi(12, 0)


def test_email_is_not_held():
    assert earliest_send(channel="email", due_at=karachi(23, 0)) == karachi(23, 0)
    assert earliest_send(channel="sms", due_at=karachi(23, 0)) == karachi(8, 0, day=11)


def test_quiet_hours_are_a_setting(settings):
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    assert not in_quiet_hours(karachi(23, 0))
