"""Messages to applicants go through the delivery log: with a real Celery worker, a redelivered task
writes and sends each message once, and quiet hours hold the SMS while the email goes."""

from collections import Counter

import pytest
from django.utils import timezone

from ambassadors import services
from ambassadors.reminders import APPLICATION_RECEIVED
from ambassadors.tasks import application_message_send_task
from notifications.models import Delivery
from notifications.quiet_hours import KARACHI
from tests import factories
from tests.notifications.worker import make_worker, wait_for

Status = Delivery.Status
pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def application_fields(**overrides) -> dict:
    return {
        "full_name": "عائشہ سومرو",
        "phone": "+923012345678",
        "email": "ayesha@example.pk",
        "district": factories.district("Karachi Central"),
        "languages_spoken": ["ur"],
        "languages_taught": ["ur"],
        "background": "teacher",
        "motivation": "I want my students to be safe from scams.",
        "availability": ["weekends"],
        "consent": True,
        "language": "ur",
        **overrides,
    }


def received():
    return Delivery.objects.filter(kind=APPLICATION_RECEIVED)


def test_a_redelivered_applicant_task_sends_each_message_once(tmp_path, settings):
    worker = make_worker(tmp_path=tmp_path)
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    try:
        worker.start()
        application, created = services.application_submit(**application_fields())
        assert created
        # The broker delivers the same task again (acks_late after a lost connection), twice.
        application_message_send_task.delay(application.pk, "received", "", None)
        application_message_send_task.delay(application.pk, "received", "", None)
        wait_for(lambda: worker.log_text().count("application_message_send_task[") >= 6)
        wait_for(lambda: received().filter(status=Status.SENT).count() == 2)
        wait_for(lambda: len(worker.sms()) >= 1 and len(worker.emails()) >= 1)
        assert received().count() == 2  # one SMS, one email
        assert [line["to"] for line in worker.sms()] == [application.phone]
        assert len(worker.emails()) == 1
        assert application.display_reference in worker.sms()[0]["body"]
        # The reference is a secret: the log keeps no copy once it has gone.
        assert set(received().values_list("body", flat=True)) == {""}
        assert Counter(line["reference"] for line in worker.sms()).most_common(1)[0][1] == 1
    finally:
        worker.stop()


def test_the_applicant_sms_waits_for_the_end_of_quiet_hours_while_the_email_goes(tmp_path, settings):
    hour = timezone.localtime(timezone.now(), KARACHI).hour
    quiet = (hour, (hour + 2) % 24)  # "night" is now, for the next hour or more
    worker = make_worker(tmp_path=tmp_path)
    worker.env["NOTIFICATIONS_QUIET_START"], worker.env["NOTIFICATIONS_QUIET_END"] = map(str, quiet)
    settings.NOTIFICATIONS_QUIET_HOURS = quiet
    try:
        worker.start()
        services.application_submit(**application_fields())
        wait_for(lambda: received().filter(channel="email", status=Status.SENT).exists())
        wait_for(lambda: worker.log_text().count("deliveries_send_task[") >= 2)
        sms = received().get(channel="sms")
        assert worker.sms() == [] and len(worker.emails()) == 1
        assert sms.status == Status.QUEUED
        assert sms.send_after.astimezone(KARACHI).hour == quiet[1]
    finally:
        worker.stop()
