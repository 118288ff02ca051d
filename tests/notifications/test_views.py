"""The delivery log, announcements and the SMS-number page, as coordinators and ambassadors use them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config.celery import app as celery_app
from notifications.models import Announcement, Delivery, UserPhone
from tests import factories as shared
from tests.notifications import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    coordinator = shared.coordinator("SD")
    client.force_login(coordinator)
    client.user = coordinator
    return client


def test_the_log_shows_messages_in_scope_with_status_and_segments(coordinator_client):
    mine = factories.delivery(status="failed")
    elsewhere = factories.delivery(district=shared.district("Lahore"), status="sent")
    response = coordinator_client.get("/en/notifications/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"/en/notifications/{mine.pk}/" in page
    assert f"/en/notifications/{elsewhere.pk}/" not in page
    assert "gateway answered 503" in page
    assert "1 segment, UCS-2" in page
    assert "Send again" in page


def test_the_log_filters_by_status_and_channel(coordinator_client):
    failed = factories.delivery(status="failed")
    sent = factories.delivery(status="sent", channel="email")
    page = coordinator_client.get("/en/notifications/", {"status": "failed"}).content.decode()
    assert f"/en/notifications/{failed.pk}/" in page and f"/en/notifications/{sent.pk}/" not in page
    page = coordinator_client.get("/en/notifications/", {"channel": "email"}).content.decode()
    assert f"/en/notifications/{sent.pk}/" in page and f"/en/notifications/{failed.pk}/" not in page
    # Nonsense in the query string is ignored, not a 500.
    assert coordinator_client.get("/en/notifications/", {"status": "<b>", "page": "x"}).status_code == 200


def test_the_log_runs_the_same_queries_for_3_or_30_messages(coordinator_client):
    def queries(count: int) -> int:
        for _ in range(count - Delivery.objects.count()):
            factories.delivery()
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_client.get("/ur/notifications/").status_code == 200
        return len(captured)

    assert queries(3) == queries(30)


def test_the_log_counts_each_status_and_the_messages_shown_in_scope(coordinator_client):
    for _ in range(3):
        factories.delivery(status="failed")
    for _ in range(2):
        factories.delivery(status="sent", channel="email")
    factories.delivery(district=shared.district("Lahore"), status="sent")  # not Sindh's

    def page(**query) -> str:
        return coordinator_client.get("/en/notifications/", query).content.decode()

    everything = page()
    assert '>Failed</a>: <bdi dir="ltr">3</bdi>' in everything
    assert '>Sent</a>: <bdi dir="ltr">2</bdi>' in everything
    assert ">Queued</a>" not in everything  # no such messages: no count
    assert "5 messages shown." in everything
    assert "3 messages shown." in page(status="failed")
    assert "0 messages shown." in page(status="queued")
    assert "2 messages shown." in page(channel="email")
    assert "0 messages shown." in page(status="failed", channel="email")
    assert "2 messages shown." in page(status="sent", channel="email", page="9")


def test_a_coordinator_elsewhere_gets_404_for_a_message_in_sindh(client):
    delivery = factories.delivery()
    client.force_login(shared.coordinator("PB"))
    assert client.get(f"/en/notifications/{delivery.pk}/").status_code == 404
    assert client.post(f"/en/notifications/{delivery.pk}/retry/").status_code == 404
    delivery.refresh_from_db()
    assert delivery.status == "failed"


def test_retry_puts_a_failed_message_back_in_the_queue(
    coordinator_client, django_capture_on_commit_callbacks, settings, tmp_path
):
    delivery = factories.delivery(status="failed")
    with django_capture_on_commit_callbacks() as after_commit:
        response = coordinator_client.post(f"/en/notifications/{delivery.pk}/retry/", follow=True)
    assert "will be sent again" in response.content.decode()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == ("queued", "")
    # Once the retry has committed, a worker sends it (the task run here, in-process).
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    celery_app.conf.task_always_eager = True
    try:
        for callback in after_commit:
            callback()
    finally:
        celery_app.conf.task_always_eager = False
    page = coordinator_client.get(f"/en/notifications/{delivery.pk}/").content.decode()
    assert "Sent" in page and delivery.to in (tmp_path / "sms.log").read_text()
    # Twice is refused with a clear message, not an error page.
    response = coordinator_client.post(f"/en/notifications/{delivery.pk}/retry/", follow=True)
    assert "Only failed or interrupted messages can be sent again." in response.content.decode()


def test_the_detail_page_shows_the_message_text_in_its_language(coordinator_client):
    delivery = factories.delivery()
    page = coordinator_client.get(f"/ur/notifications/{delivery.pk}/").content.decode()
    assert "حفاظت: کل صبح دس بجے تربیت ہے۔" in page
    assert 'lang="ur"' in page


def test_an_ambassador_cannot_see_the_log(client):
    client.force_login(shared.UserFactory())
    assert client.get("/en/notifications/").status_code == 404


def _announcement_form(district, **overrides):
    data = {
        "district": district.pk,
        "message_ur": "کل صبح دس بجے تربیت ہے۔",
        "message_sd": "",
        "message_ps": "",
        "message_en": "",
        "send_at": (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "send_sms": "on",
        "send_email": "on",
    }
    data.update(overrides)
    return data


def test_a_coordinator_schedules_an_announcement(coordinator_client):
    district = factories.karachi()
    response = coordinator_client.post(
        "/en/notifications/announcements/",
        _announcement_form(district, message_sd="سڀاڻي ڏهين وڳي تربيت آهي۔"),
        follow=True,
    )
    assert "The announcement is scheduled." in response.content.decode()
    announcement = Announcement.objects.get()
    assert announcement.message_ur == "کل صبح دس بجے تربیت ہے۔"
    assert announcement.message_sd == "سڀاڻي ڏهين وڳي تربيت آهي۔"
    assert announcement.message_en == "کل صبح دس بجے تربیت ہے۔"  # the last fallback is never empty
    assert announcement.created_by == coordinator_client.user


def test_an_announcement_without_text_or_too_long_for_two_sms_is_refused_keeping_the_input(
    coordinator_client,
):
    district = factories.karachi()
    response = coordinator_client.post(
        "/en/notifications/announcements/",
        _announcement_form(district, message_ur="", message_en="  \u200b "),
    )
    assert "Write the message in at least one language." in response.content.decode()
    long_text = "ب" * 130  # 130 fit two SMS, but not with the "حفاظت: " every announcement starts with
    response = coordinator_client.post(
        "/en/notifications/announcements/", _announcement_form(district, message_ur=long_text)
    )
    page = response.content.decode()
    assert "longer than two SMS" in page
    assert long_text in page
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("send_at", ["9999-12-31T23:59", "0001-01-01T00:00", "2100-01-01T10:00"])
def test_an_announcement_at_an_impossible_time_is_a_form_error(coordinator_client, send_at):
    response = coordinator_client.post(
        "/en/notifications/announcements/", _announcement_form(factories.karachi(), send_at=send_at)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a time within the next year." in page or "This time has passed." in page
    assert not Announcement.objects.exists()


def test_an_announcement_cannot_target_a_district_outside_scope(coordinator_client):
    lahore = shared.district("Lahore")
    response = coordinator_client.post("/en/notifications/announcements/", _announcement_form(lahore))
    assert response.status_code == 200
    assert not Announcement.objects.exists()


def test_cancelling_an_announcement(coordinator_client):
    announcement = factories.announcement()
    response = coordinator_client.post(
        f"/en/notifications/announcements/{announcement.pk}/cancel/", follow=True
    )
    assert "The announcement is cancelled." in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.cancelled_at is not None


def test_anyone_signed_in_sets_their_sms_number_in_any_digits(client):
    user = shared.UserFactory()
    client.force_login(user)
    response = client.post(
        "/ur/notifications/my-phone/", {"phone": "۰۳۰۰-۱۲۳۴۵۶۷", "sms_enabled": "on"}, follow=True
    )
    assert response.status_code == 200
    assert UserPhone.objects.get(user=user).phone == "+923001234567"
    response = client.post("/en/notifications/my-phone/", {"phone": "12345", "sms_enabled": "on"})
    assert "Enter a Pakistani phone number" in response.content.decode()
    assert "12345" in response.content.decode()
    client.post("/en/notifications/my-phone/", {"phone": ""})
    assert not UserPhone.objects.filter(user=user).exists()
