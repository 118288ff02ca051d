"""Sending: retries with exponential backoff, permanent refusals, and workers that died mid-send."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Delivery
from notifications.services import deliveries_send, delivery_retry, reminders_scan
from tests.notifications import factories
from tests.notifications.gateway import start_gateway

Status = Delivery.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_quiet_hours(settings):
    # These tests send with the real clock; quiet hours have their own tests.
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)


@pytest.fixture
def gateway(settings):
    gateway, server = start_gateway()
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = gateway.url
    settings.SMS_GATEWAY_METHOD = "POST"
    settings.SMS_GATEWAY_HEADERS = "{}"
    settings.SMS_GATEWAY_PAYLOAD = '{"to": "{to}", "text": "{body}", "ref": "{reference}"}'
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 60
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    yield gateway
    server.shutdown()
    server.server_close()


def one_sms() -> Delivery:
    factories.ambassadors(1)
    factories.announcement(send_at=timezone.now() - timedelta(minutes=1), send_email=False)
    reminders_scan()
    return Delivery.objects.get()


def test_gateway_failure_is_retried_with_exponential_backoff(gateway):
    delivery = one_sms()
    gateway.answers = [503, 502]
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 1)
    assert "503" in delivery.last_error
    first_wait = delivery.send_after - delivery.claimed_at
    assert timedelta(seconds=59) < first_wait <= timedelta(seconds=61)
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 2)
    second_wait = delivery.send_after - delivery.claimed_at
    assert timedelta(seconds=119) < second_wait <= timedelta(seconds=121)  # doubled
    # The scan hands it to a worker only once the wait is over.
    assert reminders_scan(now=delivery.send_after - timedelta(seconds=5)).queued == 0
    assert reminders_scan(now=delivery.send_after + timedelta(seconds=1)).queued == 1
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (Status.SENT, 3, "")
    assert len(gateway.requests) == 3
    assert {request["body"] for request in gateway.requests} == {gateway.requests[0]["body"]}


def test_gives_up_after_the_last_attempt(gateway):
    delivery = one_sms()
    gateway.answers = [500, 500, 500]
    for _ in range(3):
        deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 3)


def test_a_refused_number_is_not_retried_but_a_person_can_retry_it(gateway):
    delivery = one_sms()
    gateway.answers = [400]
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED
    delivery_retry(delivery=delivery, by=None)
    delivery.refresh_from_db()
    assert delivery.status == Status.QUEUED
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT


def test_a_sent_message_cannot_be_retried():
    from django.core.exceptions import ValidationError

    delivery = one_sms()
    Delivery.objects.filter(pk=delivery.pk).update(status=Status.SENT)
    delivery.refresh_from_db()
    with pytest.raises(ValidationError):
        delivery_retry(delivery=delivery, by=None)


def _interrupted(delivery: Delivery) -> None:
    """What a worker killed between claiming and recording leaves behind."""
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Status.SENDING, claimed_at=timezone.now() - timedelta(minutes=10), attempts=1
    )


def test_interrupted_send_that_went_out_is_marked_sent(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    delivery = one_sms()
    from notifications.channels import FileSmsBackend

    FileSmsBackend().send(to=delivery.to, body=delivery.body, reference=delivery.reference)
    _interrupted(delivery)
    assert reminders_scan().resolved == 1
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert len((tmp_path / "sms.log").read_text().splitlines()) == 1


def test_interrupted_send_that_did_not_go_out_is_sent_again(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    delivery = one_sms()
    _interrupted(delivery)
    reminders_scan()
    delivery.refresh_from_db()
    assert delivery.status == Status.QUEUED
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert len((tmp_path / "sms.log").read_text().splitlines()) == 1


def test_interrupted_send_the_backend_cannot_check_waits_for_a_person(settings):
    settings.SMS_BACKEND = "console"
    delivery = one_sms()
    _interrupted(delivery)
    reminders_scan()
    delivery.refresh_from_db()
    assert delivery.status == Status.UNKNOWN
    assert delivery.can_retry


def test_a_soft_time_limit_after_the_hand_over_does_not_send_the_message_again(settings, tmp_path):
    from celery.exceptions import SoftTimeLimitExceeded

    settings.SMS_BACKEND = "tests.notifications.slow_sms.OutOfTimeAfterHandingOverSmsBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    delivery = one_sms()
    with pytest.raises(SoftTimeLimitExceeded):
        deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == Status.SENDING  # not "retrying": nothing queues it again
    deliveries_send(delivery_ids=[delivery.pk])  # Celery redelivering the task changes nothing
    settings.SMS_BACKEND = "file"
    Delivery.objects.filter(pk=delivery.pk).update(claimed_at=timezone.now() - timedelta(minutes=10))
    assert reminders_scan().resolved == 1  # after the lease the backend is asked
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert len((tmp_path / "sms.log").read_text().splitlines()) == 1  # sent exactly once
