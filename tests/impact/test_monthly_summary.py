"""The monthly summary: one email per coordinator and month, in their language, about their region."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from config.schedules import BEAT_SCHEDULE
from impact.services import monthly_summaries_queue, monthly_summary_send, previous_month
from notifications.models import Delivery
from notifications.services import deliveries_send
from tests import factories
from tests.impact import factories as impact

pytestmark = pytest.mark.django_db


def this_month() -> datetime.date:
    return timezone.localdate().replace(day=1)


@pytest.fixture
def region_data():
    impact.held_workshop(attended=6, walk_ins={("women", "18_29"): 5}, days_ago=0)
    impact.held_workshop(district="Lahore", province="PB", attended=30, days_ago=0)
    impact.reports(9, category_slug="wallet-otp", district="Sukkur")
    impact.reports(8, category_slug="blackmail", district="Lahore", province="PB")


def send(user, django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=False):
        return monthly_summary_send(user_id=user.pk, month=this_month())


def test_a_sindhi_coordinator_gets_the_summary_of_sindh_in_sindhi(
    region_data, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://hifazat.org.pk"
    coordinator = factories.coordinator("SD", language="sd", full_name="ثنا ميمڻ")
    assert send(coordinator, django_capture_on_commit_callbacks) == 1
    delivery = Delivery.objects.get()
    assert (delivery.channel, delivery.language, delivery.to) == ("email", "sd", coordinator.email)
    assert "ثنا ميمڻ" in delivery.body
    assert "سکر" in delivery.body  # named in Sindhi (Urdu: سکھر): rising reports, no workshop
    assert "Lahore" not in delivery.body and "لاهور" not in delivery.body and "لاہور" not in delivery.body
    assert "https://hifazat.org.pk/sd/impact/dashboard/?date_from=" in delivery.body
    # People reached in Sindh: 6 attended + 5 walk-ins; Lahore's 30 are not there.
    assert ": 11\n" in delivery.body and ": 30\n" not in delivery.body
    # Sent by the notifications worker, like every email.
    deliveries_send(delivery_ids=[delivery.pk])
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [coordinator.email]


def test_running_twice_sends_once(region_data, django_capture_on_commit_callbacks):
    coordinator = factories.coordinator("SD", language="ur")
    assert send(coordinator, django_capture_on_commit_callbacks) == 1
    assert send(coordinator, django_capture_on_commit_callbacks) == 0
    assert Delivery.objects.count() == 1


def test_nobody_but_active_coordinators_with_an_email_get_one(django_capture_on_commit_callbacks):
    handler = factories.case_handler("SD")
    gone = factories.coordinator("SD", is_active=False)
    assert send(handler, django_capture_on_commit_callbacks) == 0
    assert send(gone, django_capture_on_commit_callbacks) == 0
    assert not Delivery.objects.exists()


def test_beat_queues_one_task_per_coordinator_after_commit(django_capture_on_commit_callbacks, monkeypatch):
    from impact import tasks

    first, second = factories.coordinator("SD"), factories.coordinator("PB")
    factories.case_handler("SD")
    queued = []
    monkeypatch.setattr(tasks.monthly_summary_send_task, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        assert monthly_summaries_queue(month=datetime.date(2025, 3, 1)) == 2
        assert queued == []  # nothing leaves before the transaction commits
    assert queued == [(first.pk, "2025-03-01"), (second.pk, "2025-03-01")]


def test_the_task_takes_ids_and_calls_the_service(region_data, django_capture_on_commit_callbacks):
    from impact.tasks import monthly_summary_send_task

    coordinator = factories.coordinator("SD", language="en")
    with django_capture_on_commit_callbacks(execute=False):
        assert monthly_summary_send_task.run(coordinator.pk, this_month().isoformat()) == 1
    assert Delivery.objects.get().title.startswith("Hifazat: your region in")


def test_beat_runs_it_on_the_first_of_the_month():
    entry = BEAT_SCHEDULE["impact-monthly-summaries"]
    assert entry["task"] == "impact.tasks.monthly_summaries_task"
    assert entry["schedule"].day_of_month == {1}
    assert previous_month(datetime.date(2026, 1, 1)) == datetime.date(2025, 12, 1)
