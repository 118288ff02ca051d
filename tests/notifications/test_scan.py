"""The scan, in this process: what falls due is written once, in each person's language, at the right time."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import Announcement, Delivery
from notifications.quiet_hours import KARACHI
from notifications.services import deliveries_send, reminders_scan
from tests.notifications import factories

Status = Delivery.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _file_sms(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (21, 8)


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=KARACHI)


def test_a_due_announcement_becomes_one_sms_and_one_email_per_ambassador(settings):
    factories.ambassadors(3)
    factories.announcement(send_at=at(10))
    report = reminders_scan(now=at(10, 1))
    assert report.created == 6
    assert report.queued == 6
    assert Delivery.objects.filter(channel="sms").count() == 3
    assert Delivery.objects.filter(channel="email").count() == 3
    again = reminders_scan(now=at(10, 2))
    assert again.created == 0
    assert Delivery.objects.count() == 6


def test_nothing_is_written_before_the_time(settings):
    factories.ambassadors(2)
    factories.announcement(send_at=at(10))
    assert reminders_scan(now=at(9, 59)).created == 0


def test_each_ambassador_gets_the_text_in_their_language_with_fallback():
    [urdu] = factories.ambassadors(1, language="ur")
    [english] = factories.ambassadors(1, language="en")
    [sindhi] = factories.ambassadors(1, language="sd")
    factories.announcement(
        send_at=at(10), messages={"ur": "کل صبح دس بجے تربیت ہے۔", "en": "Training tomorrow at 10."}
    )
    reminders_scan(now=at(10, 1))
    sms = {delivery.recipient_id: delivery for delivery in Delivery.objects.filter(channel="sms")}
    assert "کل صبح دس بجے تربیت ہے۔" in sms[urdu.pk].body
    assert "Training tomorrow at 10." in sms[english.pk].body
    assert "کل صبح دس بجے تربیت ہے۔" in sms[sindhi.pk].body  # no Sindhi text: Urdu, not English
    assert sms[urdu.pk].language == "ur"
    email = Delivery.objects.get(channel="email", recipient_id=english.pk)
    assert "Training tomorrow at 10." in email.body
    assert email.title


def test_an_urdu_sms_over_70_characters_is_recorded_as_two_segments():
    factories.ambassadors(1, language="ur")
    text = "براہ کرم کل کی ورکشاپ کے لیے اپنا فون چارج کر کے لائیں اور وقت پر پہنچیں۔"
    factories.announcement(send_at=at(10), messages={"ur": text}, send_email=False)
    reminders_scan(now=at(10, 1))
    delivery = Delivery.objects.get()
    assert len(delivery.body) > 70
    assert (delivery.encoding, delivery.segments) == ("UCS-2", 2)


def test_quiet_hours_hold_sms_until_eight_but_email_goes(settings):
    factories.ambassadors(2)
    factories.announcement(send_at=at(22))
    report = reminders_scan(now=at(22, 1))
    assert report.created == 4
    assert report.queued == 2  # the emails
    emails = list(Delivery.objects.filter(channel="email").values_list("pk", flat=True))
    assert deliveries_send(delivery_ids=emails, now=at(22, 2))["sent"] == 2
    sms = list(Delivery.objects.filter(channel="sms"))
    assert {delivery.send_after for delivery in sms} == {at(8, day=11)}
    assert {delivery.queued_at for delivery in sms} == {None}
    # Even when handed to a worker at night (a retry, a person), an SMS waits.
    assert deliveries_send(delivery_ids=[delivery.pk for delivery in sms], now=at(23)) == {
        "sent": 0,
        "failed": 0,
        "deferred": 2,
        "skipped": 0,
    }
    assert reminders_scan(now=at(7, 59, day=11)).queued == 0
    assert reminders_scan(now=at(8, 0, day=11)).queued == 2
    counts = deliveries_send(delivery_ids=[delivery.pk for delivery in sms], now=at(8, 1, day=11))
    assert counts["sent"] == 2
    assert not Delivery.objects.filter(channel="sms").exclude(status=Status.SENT).exists()


def test_sending_twice_sends_once(settings, tmp_path):
    factories.ambassadors(3)
    factories.announcement(send_at=at(10), send_email=False)
    reminders_scan(now=at(10, 1))
    ids = list(Delivery.objects.values_list("pk", flat=True))
    assert deliveries_send(delivery_ids=ids, now=at(10, 2))["sent"] == 3
    assert deliveries_send(delivery_ids=ids, now=at(10, 2))["sent"] == 0
    assert len((tmp_path / "sms.log").read_text().splitlines()) == 3


def test_cancelling_an_announcement_withdraws_what_is_still_waiting():
    from notifications.services import announcement_cancel

    factories.ambassadors(2)
    announcement = factories.announcement(send_at=at(22))
    reminders_scan(now=at(22, 1))
    announcement_cancel(announcement=announcement, by=None)
    assert set(Delivery.objects.filter(channel="sms").values_list("status", flat=True)) == {Status.WITHDRAWN}
    assert reminders_scan(now=at(8, 0, day=11)).created == 0
    assert reminders_scan(now=at(8, 0, day=11)).queued == 0


def test_a_scan_makes_the_same_number_of_queries_for_10_or_30_recipients(settings):
    def queries_for(count: int, hour: int, district: str) -> int:
        place = factories.factories.district(district)
        factories.ambassadors(count, district=place)
        announcement = factories.announcement(send_at=at(hour), district=place)
        with CaptureQueriesContext(connection) as captured:
            report = reminders_scan(now=at(hour, 1))
        assert report.created == 2 * count
        Delivery.objects.update(status=Status.SENT)
        Announcement.objects.filter(pk=announcement.pk).update(cancelled_at=at(hour, 2))
        return len(captured)

    # The first scan in a process also looks up five content types, kept in Django's process-wide
    # cache; whether an earlier test did so depends on the order. Warm it, then compare.
    queries_for(3, 9, "Sukkur")
    # 30, not more: SQLite splits a bulk INSERT every ~40 rows of this model (999 variables).
    assert queries_for(10, 10, "Karachi Central") == queries_for(30, 11, "Hyderabad")


def test_a_scan_works_in_bounded_batches(settings):
    factories.ambassadors(25)
    factories.announcement(send_at=at(10), send_email=False)
    with CaptureQueriesContext(connection) as captured:
        report = reminders_scan(now=at(10, 1), batch=10)
    assert report.created == 25
    assert report.queued == 25
    # 3 batches to create (10+10+5), 3 to hand over, 1 for email, and one (empty) batch per channel
    # of every other registered rule (workshop reminders): a few queries each, not per message.
    from notifications.rules import registry

    others = sum(len(rule.channels) for rule in registry if rule.kind != "notifications.announcement")
    assert report.batches == 7 + others
    assert len(captured) <= 6 * report.batches


def test_old_announcements_are_not_sent_days_late():
    factories.ambassadors(1)
    factories.announcement(send_at=timezone.now() - timedelta(days=2))
    assert reminders_scan().created == 0
