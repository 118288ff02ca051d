"""Acceptance: workshop reminders with a real Celery worker on Redis (started here, stopped after).

Each SMS the worker sends is a JSON line in the file backend's log with its delivery reference, so
"exactly once" is checked on what actually left, not on database rows.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Delivery
from notifications.quiet_hours import KARACHI
from notifications.services import reminders_scan
from notifications.tasks import deliveries_send_task, reminders_scan_task
from tests.notifications.worker import make_worker, wait_for
from tests.reminders.helpers import (
    facilitator,
    facilitator_deliveries,
    registrant_deliveries,
    registrations,
    workshop_with,
)
from workshops import reminders
from workshops.services import workshop_cancel, workshop_reschedule

Status = Delivery.Status
pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SLOW_SMS = "tests.notifications.slow_sms.SlowFileSmsBackend"


def _worker(tmp_path, settings, backend: str = "file"):
    worker = make_worker(tmp_path=tmp_path, sms_backend=backend)
    settings.SMS_BACKEND = backend
    settings.SMS_FILE_PATH = str(worker.sms_log)
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    return worker


@pytest.fixture
def worker(tmp_path, settings):
    worker = _worker(tmp_path, settings)
    yield worker
    worker.stop()


@pytest.fixture
def slow_worker(tmp_path, settings):
    worker = _worker(tmp_path, settings, SLOW_SMS)
    yield worker
    worker.stop()


def nothing_pending():
    return not Delivery.objects.filter(status__in=[*Delivery.PENDING_STATUSES, Status.SENDING]).exists()


def sms_to(worker, phone: str) -> list[dict]:
    return [line for line in worker.sms() if line["to"] == phone]


def once_each(worker) -> None:
    references = Counter(line["reference"] for line in worker.sms())
    duplicated = {reference: count for reference, count in references.items() if count > 1}
    assert not duplicated, f"sent more than once: {duplicated}"


def test_a_workshop_two_hours_ahead_with_three_registrants_gives_three_reminders_once(worker):
    worker.start()
    co = facilitator(profile_phone="+923334445555", level="trainee")
    workshop = workshop_with(registrants=3, co_facilitators=[co])
    # Beat fired twice (two scan tasks run side by side by the two pool processes) and a third scan
    # runs here at the same moment.
    reminders_scan_task.delay()
    reminders_scan_task.delay()
    reminders_scan()
    wait_for(lambda: Delivery.objects.exists() and nothing_pending())
    reminders_scan_task.delay()  # and once more after everything went out
    wait_for(lambda: worker.log_text().count("reminders_scan_task") >= 6)

    two_hours = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS)
    assert two_hours.count() == 3
    assert set(two_hours.values_list("status", flat=True)) == {Status.SENT}
    for registration in registrations(workshop):
        [sms] = sms_to(worker, registration.phone)
        assert sms["encoding"] == "UCS-2"  # Urdu
        assert sms["reference"] in {delivery.reference for delivery in two_hours}
    assert not registrant_deliveries().exclude(kind=reminders.REGISTRANT_TWO_HOURS).exists()

    # The facilitators' reminders that are due: the morning one once 08:00 has passed on the day of
    # the workshop (the two-day one is long past its use).
    local_now = timezone.localtime(timezone.now(), KARACHI)
    morning_due = (
        local_now.hour >= 8 and timezone.localtime(workshop.starts_at, KARACHI).date() == local_now.date()
    )
    expected = 4 if morning_due else 0  # lead: SMS + email; co-facilitator: SMS (profile) + email
    assert (
        facilitator_deliveries(reminders.FACILITATOR_MORNING).filter(status=Status.SENT).count() == expected
    )
    assert not facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).exists()
    assert len(sms_to(worker, "+923334445555")) == (1 if morning_due else 0)
    once_each(worker)
    assert len(worker.sms()) == 3 + (2 if morning_due else 0)


def test_killing_the_worker_mid_batch_still_sends_each_reminder_once(slow_worker, settings):
    settings.NOTIFICATIONS_SEND_BATCH = 20
    worker = slow_worker
    worker.start()
    workshop = workshop_with(registrants=150, capacity=200)
    assert reminders_scan().created >= 150
    wait_for(lambda: len(worker.sms()) >= 30, interval=0.02)
    worker.kill()
    assert len(worker.sms()) < 150, "the worker finished before it could be killed"

    worker.start()
    settings.NOTIFICATIONS_REQUEUE_AFTER_SECONDS = 3
    settings.NOTIFICATIONS_SENDING_LEASE_SECONDS = 3
    wait_for(nothing_pending, timeout=120, interval=1.0, every=reminders_scan)
    once_each(worker)
    for registration in registrations(workshop):
        assert len(sms_to(worker, registration.phone)) == 1, registration.phone
    assert registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(status=Status.SENT).count() == 150


def test_rescheduling_moves_the_reminders(worker):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(hours=1, minutes=55), registrants=3, capacity=3)
    reminders_scan()  # the two-hour reminders are written and their send tasks queued (no worker yet)
    old = set(registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).values_list("pk", flat=True))
    assert len(old) == 3

    new_start = (now + timedelta(days=1, hours=3)).replace(second=0, microsecond=0)
    workshop_reschedule(
        workshop=workshop, actor=None, starts_at=new_start, ends_at=new_start + timedelta(hours=2)
    )
    worker.start()  # now it runs the old send tasks (withdrawn: nothing goes) and the notice task
    wait_for(lambda: registrant_deliveries(reminders.RESCHEDULED).filter(status=Status.SENT).count() == 3)
    wait_for(nothing_pending)
    assert set(Delivery.objects.filter(pk__in=old).values_list("status", flat=True)) == {Status.WITHDRAWN}

    # Two hours before the new time (the scan is told the time; the worker sends with the real clock).
    later = new_start - timedelta(hours=2) + timedelta(minutes=1)
    reminders_scan(now=later)
    reminders_scan(now=later + timedelta(minutes=1))
    wait_for(nothing_pending)
    for registration in registrations(workshop):
        messages = sms_to(worker, registration.phone)
        kinds = sorted(Delivery.objects.get(pk=int(line["reference"][3:])).kind for line in messages)
        assert kinds == [reminders.REGISTRANT_TWO_HOURS, reminders.RESCHEDULED]
    sent_two_hours = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(status=Status.SENT)
    assert set(sent_two_hours.values_list("occurrence", flat=True)) == {new_start}
    once_each(worker)


def test_cancelling_sends_one_cancellation_each_and_no_reminder(worker):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(hours=1, minutes=55), registrants=3)
    reminders_scan()  # reminders written and queued, not yet sent (no worker yet)
    workshop_cancel(workshop=workshop, actor=None, reason="")
    worker.start()
    wait_for(lambda: registrant_deliveries(reminders.CANCELLED).filter(status=Status.SENT).count() == 3)
    reminders_scan_task.delay()
    wait_for(lambda: "reminders_scan_task" in worker.log_text() and nothing_pending())
    for registration in registrations(workshop):
        [sms] = sms_to(worker, registration.phone)
        assert Delivery.objects.get(pk=int(sms["reference"][3:])).kind == reminders.CANCELLED
    assert not Delivery.objects.filter(kind__in=reminders.REMINDER_KINDS, status=Status.SENT).exists()
    once_each(worker)


def test_quiet_hours_hold_reminder_sms_in_the_worker_but_email_goes(tmp_path, settings):
    hour = timezone.localtime(timezone.now(), KARACHI).hour
    quiet = (hour, (hour + 2) % 24)  # "night" is now, for the next hour or more
    worker = _worker(tmp_path, settings)
    worker.env["NOTIFICATIONS_QUIET_START"], worker.env["NOTIFICATIONS_QUIET_END"] = map(str, quiet)
    settings.NOTIFICATIONS_QUIET_HOURS = quiet
    try:
        worker.start()
        workshop_with(starts_at=timezone.now() + timedelta(hours=4), registrants=2, email=True)
        reminders_scan(now=timezone.now() + timedelta(hours=2))
        sms = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(channel="sms")
        email = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(channel="email")
        wait_for(lambda: email.filter(status=Status.SENT).count() == 2)
        # A stray send task for the SMS (as if queued before night fell): the worker holds them.
        deliveries_send_task.delay(list(sms.values_list("pk", flat=True)))
        wait_for(lambda: worker.log_text().count("deliveries_send_task[") >= 4)
        assert worker.sms() == []
        assert set(sms.values_list("status", flat=True)) == {Status.QUEUED}
        assert all(delivery.send_after.astimezone(KARACHI).hour == quiet[1] for delivery in sms)
    finally:
        worker.stop()
