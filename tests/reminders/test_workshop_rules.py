"""Workshop reminders found by the beat scan (in this process, at chosen times in Pakistan)."""

from datetime import datetime

import pytest

from notifications.models import Delivery
from notifications.quiet_hours import KARACHI
from notifications.services import reminders_scan
from tests.reminders.helpers import (
    facilitator,
    facilitator_deliveries,
    registrant_deliveries,
    registrations,
    workshop_with,
)
from workshops import reminders

Status = Delivery.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _backends(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (21, 8)


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KARACHI)


def test_two_hours_ahead_three_registrants_get_exactly_three_reminders_and_the_lead_one():
    workshop = workshop_with(starts_at=at(12, 59), registrants=3)
    reminders_scan(now=at(11))
    two_hours = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS)
    assert two_hours.count() == 3
    assert sorted(two_hours.values_list("to", flat=True)) == sorted(r.phone for r in registrations(workshop))
    assert set(two_hours.values_list("channel", flat=True)) == {"sms"}  # nobody gave an email
    assert not registrant_deliveries(reminders.REGISTRANT_DAY_BEFORE).exists()  # one reminder, not two
    # The lead facilitator: the morning-of-the-day reminder (it is past 08:00), on SMS and email.
    morning = facilitator_deliveries(reminders.FACILITATOR_MORNING)
    assert sorted(morning.values_list("channel", "to")) == [
        ("email", workshop.lead_facilitator.user.email),
        ("sms", "+923331112222"),
    ]
    assert not facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).exists()
    assert reminders_scan(now=at(11, 1)).created == 0
    assert reminders_scan(now=at(11, 30)).created == 0
    assert Delivery.objects.count() == 5


def test_the_day_before_then_two_hours_before():
    workshop_with(starts_at=at(12, day=11), registrants=2, email=True)
    reminders_scan(now=at(11, 59))
    assert not registrant_deliveries().exists()
    reminders_scan(now=at(12, 1))
    day_before = registrant_deliveries(reminders.REGISTRANT_DAY_BEFORE)
    assert sorted(day_before.values_list("channel", flat=True)) == ["email", "email", "sms", "sms"]
    reminders_scan(now=at(10, 0, day=11))
    assert registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).count() == 4
    assert registrant_deliveries().count() == 8


def test_a_registrant_without_email_gets_no_email_row_and_a_cancelled_one_nothing():
    workshop = workshop_with(starts_at=at(12, 59), registrants=2)
    cancelled = registrations(workshop)[0]
    cancelled.status = "cancelled"
    cancelled.save()
    reminders_scan(now=at(11))
    assert list(registrant_deliveries().values_list("recipient_id", "channel")) == [
        (registrations(workshop)[1].pk, "sms")
    ]


def test_facilitators_two_days_before_and_on_the_morning_each_once():
    lead = facilitator(user_phone="+923331112222")
    with_profile_phone = facilitator(profile_phone="+923334445555", level="trainee")
    sms_off = facilitator(user_phone="+923336667777")
    sms_off.user.notification_phone.sms_enabled = False
    sms_off.user.notification_phone.save()
    workshop = workshop_with(
        starts_at=at(15, day=12), lead=lead, co_facilitators=[lead, with_profile_phone, sms_off]
    )
    reminders_scan(now=at(15, 5))
    two_days = facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS)
    assert sorted(two_days.values_list("to", flat=True)) == sorted(
        [
            "+923331112222",
            lead.user.email,
            "+923334445555",  # no saved SMS number: the one on the ambassador profile
            with_profile_phone.user.email,
            sms_off.user.email,  # SMS turned off: email only
        ]
    )
    reminders_scan(now=at(7, 59, day=12))
    assert not facilitator_deliveries(reminders.FACILITATOR_MORNING).exists()
    reminders_scan(now=at(8, 0, day=12))
    assert facilitator_deliveries(reminders.FACILITATOR_MORNING).count() == 5
    reminders_scan(now=at(9, 0, day=12))
    assert facilitator_deliveries().count() == 10
    assert set(facilitator_deliveries().values_list("district_id", flat=True)) == {workshop.district_id}


def test_a_co_facilitator_who_becomes_lead_is_not_reminded_twice():
    first = facilitator(user_phone="+923331112222")
    second = facilitator(user_phone="+923338889999")
    workshop = workshop_with(starts_at=at(15, day=12), lead=first, co_facilitators=[second])
    reminders_scan(now=at(15, 5))
    assert facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).count() == 4
    workshop.lead_facilitator = second
    workshop.save()
    workshop.co_facilitators.set([first])
    reminders_scan(now=at(15, 10))
    assert facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).count() == 4


def test_the_facilitator_reminder_counts_who_registered():
    workshop_with(starts_at=at(15, day=12), registrants=4)
    reminders_scan(now=at(15, 5))
    sms = facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).get(channel="sms")
    assert sms.language == "ur"
    assert "4" in sms.body


def test_quiet_hours_hold_the_sms_until_eight_and_the_email_goes():
    workshop_with(starts_at=at(9, 30), registrants=2, email=True)
    reminders_scan(now=at(7, 31))
    sms = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(channel="sms")
    email = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(channel="email")
    assert sms.count() == 2 and email.count() == 2
    assert {d.send_after for d in sms} == {at(8)}
    assert all(d.queued_at is None for d in sms)  # not handed to a worker at night
    assert all(d.queued_at is not None for d in email)
    reminders_scan(now=at(8, 0))
    assert all(d.queued_at is not None for d in sms.all())


def test_a_reminder_that_quiet_hours_would_deliver_after_the_start_is_not_sent():
    workshop_with(starts_at=at(22, 30), registrants=1)
    reminders_scan(now=at(20, 31))
    [sms] = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS)
    assert sms.status == Status.QUEUED  # 20:30 is before quiet hours: it goes
    workshop_with(starts_at=at(23, 30), registrants=1)
    reminders_scan(now=at(21, 31))
    late = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).exclude(pk=sms.pk).get()
    assert late.status == Status.EXPIRED  # 08:00 tomorrow is after 23:30 today


def test_a_draft_or_cancelled_workshop_reminds_nobody():
    workshop_with(starts_at=at(12, 59), status="draft")
    workshop_with(starts_at=at(12, 59), status="cancelled")
    assert reminders_scan(now=at(11)).created == 0


def test_feedback_request_goes_to_those_who_came_with_the_signed_link(settings):
    settings.SITE_URL = "https://hifazat.org.pk"
    workshop = workshop_with(starts_at=at(10), registrants=3, status="completed")
    came, _missed, also_came = registrations(workshop)
    for registration in (came, also_came):
        registration.attended = True
        registration.save()
    also_came.language = "en"
    also_came.save()
    assert reminders_scan(now=at(12, 59)).created == 0  # ends 12:00, asked from 13:00
    reminders_scan(now=at(13, 1))
    feedback = registrant_deliveries(reminders.FEEDBACK_REQUEST)
    assert sorted(feedback.values_list("recipient_id", flat=True)) == sorted([came.pk, also_came.pk])
    import re

    from workshops.tokens import workshop_id_from_feedback_token

    def feedback_link_workshop(body: str, language: str) -> int | None:
        # The signed token carries a timestamp: check what it opens, not its exact text.
        match = re.search(rf"https://hifazat\.org\.pk/{language}/workshops/feedback/([^/\s]+)/", body)
        return workshop_id_from_feedback_token(match.group(1)) if match else None

    assert feedback_link_workshop(feedback.get(recipient_id=came.pk).body, "ur") == workshop.pk
    english = feedback.get(recipient_id=also_came.pk)
    assert feedback_link_workshop(english.body, "en") == workshop.pk
    assert english.segments <= 2
    assert reminders_scan(now=at(10, day=13)).created == 0  # two days later: no longer asked


def test_an_online_workshop_says_online_instead_of_a_town():
    workshop_with(starts_at=at(12, 59), registrants=1, format="online", language="en")
    reminders_scan(now=at(11))
    [sms] = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS)
    assert "online" in sms.body
    assert "Nazimabad" not in sms.body
