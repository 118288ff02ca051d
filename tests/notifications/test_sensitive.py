"""Messages whose text carries a secret (a signed link, a set-password link, a reference): the log
never shows the text, and empties it once the message has gone or never will; a failed one keeps it
so a coordinator can send it again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Delivery
from notifications.services import deliveries_send, deliveries_withdraw, delivery_retry, reminders_scan
from tests import factories as shared
from tests.notifications import factories

Status = Delivery.Status
pytestmark = pytest.mark.django_db
SECRET = "http://x/r/Zk3-secret-token/"


@pytest.fixture(autouse=True)
def _backends(settings, tmp_path):
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")


def secret_message(**fields) -> Delivery:
    return factories.delivery(status="queued", sensitive=True, body=f"حفاظت: {SECRET}", **fields)


def test_a_secret_text_leaves_with_the_message_and_is_removed_from_the_log(settings, client):
    delivery = secret_message()
    ordinary = factories.delivery(status="queued")
    assert deliveries_send(delivery_ids=[delivery.pk, ordinary.pk])["sent"] == 2
    with open(settings.SMS_FILE_PATH) as sms:
        assert SECRET in sms.read()  # the person got it
    delivery.refresh_from_db()
    ordinary.refresh_from_db()
    assert (delivery.status, delivery.body) == (Status.SENT, "") and delivery.body_removed_at
    assert delivery.segments == 1  # what it cost stays
    assert ordinary.body and ordinary.body_removed_at is None  # other messages keep their text

    client.force_login(shared.coordinator("SD"))
    log = client.get("/ur/notifications/").content.decode()
    assert "متن ہٹا دیا گیا" in log  # "text removed", in Urdu
    detail = client.get(f"/en/notifications/{delivery.pk}/").content.decode()
    assert "its text was removed from the log" in detail and SECRET not in detail


def test_a_secret_text_is_not_shown_before_it_goes_either(client):
    delivery = secret_message()
    client.force_login(shared.coordinator("SD"))
    detail = client.get(f"/en/notifications/{delivery.pk}/").content.decode()
    assert SECRET not in detail and "its text is not shown here" in detail


def test_a_failed_secret_message_keeps_its_text_so_it_can_be_sent_again(settings):
    settings.SMS_BACKEND = "tests.notifications.test_sensitive.RefusingSms"
    delivery = secret_message()
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED and SECRET in delivery.body
    delivery_retry(delivery=delivery, by=None)
    settings.SMS_BACKEND = "file"
    deliveries_send(delivery_ids=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.body) == (Status.SENT, "")


def test_the_scan_empties_secret_texts_that_will_never_go():
    withdrawn = secret_message()
    expired = secret_message(expires_at=timezone.now() - timedelta(minutes=1))
    waiting = secret_message(send_after=timezone.now() + timedelta(hours=3), due_at=timezone.now())
    deliveries_withdraw(subject=withdrawn.subject)
    withdrawn.refresh_from_db()
    assert withdrawn.status == Status.WITHDRAWN
    reminders_scan()
    for delivery in (withdrawn, expired, waiting):
        delivery.refresh_from_db()
    assert (withdrawn.body, expired.status, expired.body) == ("", Status.EXPIRED, "")
    assert SECRET in waiting.body  # still to go: kept


class RefusingSms:
    def send(self, *, to, body, reference):
        from notifications.channels import DeliveryError

        raise DeliveryError("number refused", permanent=True)

    def sent_references(self, references):
        return None
