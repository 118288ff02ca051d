"""Handler alerts go through the delivery log: with a real Celery worker on Redis and a real SMTP
server, an SMTP error for one handler is retried for that handler alone (the others are emailed once,
never again), and a redelivered send task emails nobody twice."""

import datetime
import time
from collections import Counter

import pytest
from django.utils import timezone

from incidents.models import AuditEntry, Case
from incidents.reminders import HANDLER_ALERT
from incidents.tasks import cases_unacknowledged_alert_task
from notifications.models import Delivery
from notifications.services import reminders_scan
from notifications.tasks import deliveries_send_task
from tests.incidents import factories as incident_factories
from tests.notifications.smtp import SmtpServer
from tests.notifications.worker import make_worker, wait_for

Status = Delivery.Status
pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def worker(tmp_path, settings, smtp):
    worker = make_worker(tmp_path=tmp_path)
    worker.env["EMAIL_URL"] = smtp.url
    worker.env["NOTIFICATIONS_RETRY_BASE_SECONDS"] = "1"
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    settings.INCIDENT_UNACKNOWLEDGED_ALERT_HOURS = 12
    worker.start()
    yield worker
    worker.stop()


def waiting_case() -> Case:
    case = incident_factories.case(narrative="what happened to me")
    Case.objects.filter(pk=case.pk).update(created_at=timezone.now() - datetime.timedelta(hours=13))
    return case


def alerts():
    return Delivery.objects.filter(kind=HANDLER_ALERT)


def test_an_smtp_error_for_one_handler_does_not_alert_the_others_again(worker, smtp):
    handlers = [incident_factories.handler("SD") for _ in range(3)]
    busy = handlers[1].email
    smtp.refuse.add(busy)
    case = waiting_case()

    assert cases_unacknowledged_alert_task() == 1  # beat; the worker sends after the commit
    wait_for(lambda: alerts().filter(status=Status.SENT).count() == 2)
    wait_for(lambda: alerts().filter(status=Status.RETRYING).count() == 1)
    assert sorted(smtp.recipients()) == sorted(handler.email for handler in handlers if handler.email != busy)
    assert smtp.refused == [busy]

    # The mailbox is fine again; beat fires again and the scan hands the retry to the worker.
    smtp.refuse.clear()
    assert cases_unacknowledged_alert_task() == 0  # the case was alerted: no second alert
    time.sleep(1.1)
    reminders_scan()
    wait_for(lambda: alerts().filter(status=Status.SENT).count() == 3)
    assert Counter(smtp.recipients()) == Counter(handler.email for handler in handlers)  # once each
    for message in smtp.received:
        assert "what happened to me" not in message.data and case.category.name not in message.data
        assert f"/cases/{case.pk}/" in message.data
    assert AuditEntry.objects.filter(case_code=case.code, action="alert").count() == 1


def test_a_redelivered_send_task_emails_nobody_twice(worker, smtp):
    handlers = [incident_factories.handler("SD") for _ in range(2)]
    waiting_case()
    cases_unacknowledged_alert_task()
    ids = list(alerts().values_list("pk", flat=True))
    # The broker hands the same task out again (acks_late after a lost connection), twice.
    deliveries_send_task.delay(ids)
    deliveries_send_task.delay(ids)
    wait_for(lambda: worker.log_text().count("deliveries_send_task[") >= 6)  # received + succeeded, x3
    wait_for(lambda: alerts().filter(status=Status.SENT).count() == 2)
    assert Counter(smtp.recipients()) == Counter(handler.email for handler in handlers)
    references = Counter(message.header("X-Hifazat-Delivery") for message in smtp.received)
    assert set(references.values()) == {1}
