"""RelativeRule, the shape workshop reminders take: due times follow the event time at scan time."""

from datetime import datetime, timedelta

import pytest

from accounts.models import User
from notifications.models import Announcement, Delivery
from notifications.quiet_hours import KARACHI
from notifications.rules import DueItem, RelativeRule, registry
from notifications.services import deliveries_withdraw, notification_send_now, reminders_scan
from tests import factories as shared
from tests.notifications import factories

Status = Delivery.Status
pytestmark = pytest.mark.django_db


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KARACHI)


@pytest.fixture(autouse=True)
def _backends(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (21, 8)


@pytest.fixture
def author_reminder():
    """A rule over a model we have: remind an announcement's author two hours before it goes out.

    It has the shape of a workshop rule: recipient rows, a path to the subject, a path to the event time.
    """
    rule = RelativeRule(
        kind="test.author_two_hours_before",
        channels=("sms", "email"),
        template="notifications/messages/announcement",
        recipients=lambda: Announcement.objects.filter(cancelled_at__isnull=True).select_related(
            "created_by", "district"
        ),
        subject_field="pk",
        subject=lambda row: row,
        subject_model=Announcement,
        recipient_field="created_by",
        event_field="send_at",
        offset=-timedelta(hours=2),
        address=lambda row, channel: "+923001112223" if channel == "sms" else row.created_by.email,
        language=lambda row: row.created_by.language,
        name=lambda row: row.created_by.full_name,
        district_id=lambda row: row.district_id,
        context=lambda row: {"announcement": row, "name": row.created_by.full_name},
    )
    registry.register(rule)
    yield rule
    registry.unregister(rule.kind)


def author_deliveries():
    return Delivery.objects.filter(kind="test.author_two_hours_before")


def test_due_two_hours_before_and_only_once(author_reminder):
    author = shared.coordinator("SD")
    factories.announcement(send_at=at(15), by=author)
    reminders_scan(now=at(12, 59))
    assert not author_deliveries().exists()
    reminders_scan(now=at(13, 0))
    reminders_scan(now=at(13, 1))
    assert author_deliveries().count() == 2
    sms = author_deliveries().get(channel="sms")
    assert (sms.recipient_id, sms.due_at, sms.occurrence, sms.expires_at) == (
        author.pk,
        at(13),
        at(15),
        at(15),
    )


def test_rescheduling_moves_the_reminder(author_reminder):
    author = shared.coordinator("SD")
    announcement = factories.announcement(send_at=at(15), by=author)
    Announcement.objects.filter(pk=announcement.pk).update(send_at=at(18))
    reminders_scan(now=at(13, 1))
    assert not author_deliveries().exists()  # was due at 13:00, now at 16:00
    reminders_scan(now=at(16, 0))
    assert set(author_deliveries().values_list("occurrence", flat=True)) == {at(18)}


def test_rescheduling_after_a_reminder_reminds_again_for_the_new_time(author_reminder):
    author = shared.coordinator("SD")
    announcement = factories.announcement(send_at=at(15), by=author)
    reminders_scan(now=at(13, 0))
    assert author_deliveries().count() == 2
    Announcement.objects.filter(pk=announcement.pk).update(send_at=at(16))
    deliveries_withdraw(subject=announcement, kinds=["test.author_two_hours_before"])
    reminders_scan(now=at(14, 0))
    assert author_deliveries().filter(occurrence=at(16)).count() == 2
    assert set(author_deliveries().filter(occurrence=at(15)).values_list("status", flat=True)) == {
        Status.WITHDRAWN
    }


def test_cancelling_withdraws_pending_reminders_and_stops_new_ones(author_reminder):
    from notifications.services import announcement_cancel

    author = shared.coordinator("SD")
    announcement = factories.announcement(send_at=at(23), by=author)
    reminders_scan(now=at(21, 0))  # an SMS due now would arrive at 08:00, after the event: dropped
    assert author_deliveries().get(channel="sms").status == Status.EXPIRED
    assert author_deliveries().get(channel="email").status == Status.QUEUED
    announcement_cancel(announcement=announcement, by=author)
    assert author_deliveries().get(channel="email").status == Status.WITHDRAWN


def test_a_one_off_notice_goes_to_each_address_and_skips_a_missing_one():
    [ambassador] = factories.ambassadors(1, language="ur")
    announcement = factories.announcement(send_at=at(15))
    item = DueItem(
        recipient=ambassador,
        subject=announcement,
        occurrence=at(15),
        due_at=at(12),
        to=None,
        addresses={"sms": "+923001234567", "email": None},
        language="ur",
        context={"announcement": announcement},
    )
    notification_send_now(
        kind="test.cancelled",
        template="notifications/messages/announcement",
        items=[item],
        channels_=("sms", "email"),
    )
    deliveries = {delivery.channel: delivery for delivery in Delivery.objects.filter(kind="test.cancelled")}
    assert (deliveries["sms"].to, deliveries["sms"].status) == ("+923001234567", Status.QUEUED)
    assert deliveries["email"].status == Status.SKIPPED


def test_a_one_off_notice_is_sent_once_per_occurrence():
    [ambassador] = factories.ambassadors(1, language="en")
    announcement = factories.announcement(send_at=at(15))

    def notice(occurrence):
        item = DueItem(
            recipient=ambassador,
            subject=announcement,
            occurrence=occurrence,
            due_at=at(12),
            to=ambassador.email,
            language=ambassador.language,
            context={"announcement": announcement, "name": ambassador.full_name},
        )
        return notification_send_now(
            kind="test.moved",
            template="notifications/messages/announcement",
            items=[item],
            channels_=("email",),
        )

    assert notice(at(16)) == 1
    assert notice(at(16)) == 0  # the same change, told twice: once
    assert notice(at(17)) == 1  # moved again: told again
    assert Delivery.objects.filter(kind="test.moved").count() == 2


def test_a_recipient_without_an_address_is_recorded_not_retried_forever(author_reminder):
    author = User.objects.create_user(email="no-sms@hifazat.test", role=User.Role.COORDINATOR)
    author_reminder.address = lambda row, channel: None
    factories.announcement(send_at=at(15), by=author)
    reminders_scan(now=at(13, 0))
    assert set(author_deliveries().values_list("status", flat=True)) == {Status.SKIPPED}
    assert reminders_scan(now=at(13, 1)).created == 0


def test_a_rule_due_at_eight_in_the_morning_of_the_day(settings):
    from datetime import time

    rule = RelativeRule(
        kind="test.morning_of",
        channels=("email",),
        template="notifications/messages/announcement",
        recipients=lambda: Announcement.objects.select_related("created_by"),
        subject_field="pk",
        subject=lambda row: row,
        subject_model=Announcement,
        recipient_field="created_by",
        event_field="send_at",
        offset=timedelta(0),
        at_local_time=time(8),
        address=lambda row, channel: row.created_by.email,
        language=lambda row: "en",
        context=lambda row: {"announcement": row},
    )
    registry.register(rule)
    try:
        author = shared.coordinator("SD")
        factories.announcement(send_at=at(15), by=author)
        early = factories.announcement(send_at=at(7, 30), by=author)  # before 08:00: never due
        reminders_scan(now=at(7, 59))
        assert not Delivery.objects.filter(kind="test.morning_of").exists()
        reminders_scan(now=at(8, 0))
        morning = Delivery.objects.get(kind="test.morning_of")
        assert (morning.due_at, morning.occurrence, morning.expires_at) == (at(8), at(15), at(15))
        assert morning.subject_id != early.pk
    finally:
        registry.unregister(rule.kind)
