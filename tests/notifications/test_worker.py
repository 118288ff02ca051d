"""Exactly once, with a real Celery worker on Redis (started here, on the test database)."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from notifications.models import Delivery
from notifications.rules import DueItem
from notifications.services import deliveries_create, reminders_scan
from notifications.tasks import deliveries_send_task, reminders_scan_task
from tests.notifications import factories
from tests.notifications.worker import make_worker, wait_for

Status = Delivery.Status
pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]

SLOW_SMS = "tests.notifications.slow_sms.SlowFileSmsBackend"


@pytest.fixture
def worker(tmp_path, settings):
    worker = make_worker(tmp_path=tmp_path)
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(worker.sms_log)
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    yield worker
    worker.stop()


@pytest.fixture
def slow_worker(tmp_path, settings):
    worker = make_worker(tmp_path=tmp_path, sms_backend=SLOW_SMS)
    settings.SMS_BACKEND = SLOW_SMS
    settings.SMS_FILE_PATH = str(worker.sms_log)
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    yield worker
    worker.stop()


def all_sent(count: int):
    return lambda: Delivery.objects.filter(status=Status.SENT).count() == count


def test_the_beat_scan_running_twice_sends_each_message_once(worker):
    worker.start()
    factories.ambassadors(30)
    factories.announcement(send_at=timezone.now() - timedelta(seconds=30))
    # Beat fired twice (two scan tasks, run side by side by the two pool processes) and a third
    # scan runs here at the same time.
    reminders_scan_task.delay()
    reminders_scan_task.delay()
    reminders_scan()
    wait_for(all_sent(60))
    reminders_scan_task.delay()  # and once more after everything went out
    wait_for(lambda: worker.log_text().count("reminders_scan_task") >= 6)  # received + succeeded, x3
    assert Delivery.objects.count() == 60
    sms = Counter(line["reference"] for line in worker.sms())
    emails = Counter(worker.emails())
    assert len(sms) == 30 and set(sms.values()) == {1}
    assert len(emails) == 30 and set(emails.values()) == {1}
    assert all(line["encoding"] == "UCS-2" for line in worker.sms())  # Urdu


def test_killing_the_worker_mid_batch_still_sends_each_message_once(slow_worker, settings):
    settings.NOTIFICATIONS_SEND_BATCH = 20
    worker = slow_worker
    worker.start()
    factories.ambassadors(300)
    factories.announcement(send_at=timezone.now() - timedelta(seconds=30), send_email=False)
    assert reminders_scan().queued == 300
    wait_for(lambda: len(worker.sms()) >= 40, interval=0.02)
    worker.kill()
    sent_before = len(worker.sms())
    assert sent_before < 300, "the worker finished before it could be killed"
    assert Delivery.objects.exclude(status=Status.SENT).exists()

    worker.start()
    # What beat does every minute, with short limits so the test need not wait minutes: hand over
    # what no worker took (the killed worker's tasks stay unacknowledged in Redis), and settle what
    # the killed worker had claimed but not recorded.
    settings.NOTIFICATIONS_REQUEUE_AFTER_SECONDS = 3
    settings.NOTIFICATIONS_SENDING_LEASE_SECONDS = 3
    wait_for(all_sent(300), timeout=120, interval=1.0, every=reminders_scan)

    references = Counter(line["reference"] for line in worker.sms())
    assert len(references) == 300
    duplicated = {reference: count for reference, count in references.items() if count > 1}
    assert not duplicated, f"sent more than once: {duplicated}"


def test_a_task_queued_in_a_transaction_that_rolls_back_never_runs(worker):
    worker.start()
    [ambassador] = factories.ambassadors(1)
    announcement = factories.announcement(send_at=timezone.now() + timedelta(hours=2), send_email=False)
    item = DueItem(
        recipient=ambassador,
        subject=announcement,
        occurrence=announcement.send_at,
        due_at=timezone.now() + timedelta(hours=1),  # so the control scan below leaves it alone
        to="+923001234567",
        language="ur",
        context={"announcement": announcement},
    )
    deliveries_create(
        kind="test.rollback", template="notifications/messages/announcement", channel="sms", items=[item]
    )
    delivery = Delivery.objects.get()

    with pytest.raises(RuntimeError), transaction.atomic():
        transaction.on_commit(lambda: deliveries_send_task.delay([delivery.pk]))
        raise RuntimeError("something after the queueing failed")

    # A control task, queued after, proves the worker is consuming; the rolled-back one never came.
    reminders_scan_task.delay()
    wait_for(lambda: "reminders_scan_task" in worker.log_text() and "succeeded" in worker.log_text())
    assert "deliveries_send_task[" not in worker.log_text()
    delivery.refresh_from_db()
    assert delivery.status == Status.QUEUED
    assert worker.sms() == []

    with transaction.atomic():
        transaction.on_commit(lambda: deliveries_send_task.delay([delivery.pk]))
    wait_for(all_sent(1))
    assert len(worker.sms()) == 1
    assert worker.log_text().count("deliveries_send_task[") == 2  # received, succeeded
