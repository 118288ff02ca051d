"""Rescheduling, cancelling and the waiting list, through the workshops services and their hooks.

Celery runs eagerly here (its own always-eager mode, in this process): the hook's task and the send
tasks run inline once the change commits. tests/reminders/test_worker.py does the same with a worker.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.celery import app
from notifications.models import Delivery
from notifications.services import reminders_scan
from notifications.templatetags.notifications_messages import message_when
from tests.reminders.helpers import (
    facilitator_deliveries,
    registrant_deliveries,
    registrations,
    sent_text,
    workshop_with,
)
from workshops import reminders
from workshops.models import Registration
from workshops.services import registration_cancel, workshop_cancel, workshop_reschedule, workshop_update

Status = Delivery.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)  # real clock here; quiet hours have their own tests
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_rescheduling_withdraws_the_old_reminders_tells_everyone_and_reminds_again_once(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(hours=1, minutes=55), registrants=3, capacity=3)
    waiting = Registration.objects.create(
        workshop=workshop, name="ثنا", phone="+923009998888", language="sd", status="waitlisted", consent=True
    )
    reminders_scan(now=now)  # the two-hour reminders are written (not sent: no commit in this test)
    old = list(registrant_deliveries(reminders.REGISTRANT_TWO_HOURS))
    assert len(old) == 3

    new_start = (now + timedelta(days=1, hours=3)).replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        workshop_reschedule(
            workshop=workshop, actor=None, starts_at=new_start, ends_at=new_start + timedelta(hours=2)
        )
    for delivery in old:
        delivery.refresh_from_db()
        assert delivery.status == Status.WITHDRAWN  # the old due time never sends

    notices = registrant_deliveries(reminders.RESCHEDULED)
    assert sorted(notices.values_list("recipient_id", flat=True)) == sorted(
        [r.pk for r in registrations(workshop)]  # the three confirmed and the one waiting
    )
    assert set(notices.values_list("status", flat=True)) == {Status.SENT}
    assert facilitator_deliveries(reminders.RESCHEDULED).count() == 2  # the lead: SMS and email
    sindhi = notices.get(recipient_id=waiting.pk)
    assert sindhi.language == "sd"
    from django.utils import translation

    with translation.override("sd"):
        assert message_when(new_start) in sent_text(sindhi)  # the new time, as a Sindhi reader sees it
    assert all(delivery.segments <= 2 for delivery in notices)

    reminders_scan(now=now + timedelta(minutes=1))
    assert registrant_deliveries().exclude(status=Status.WITHDRAWN).count() == 4  # only the notices
    # The reminders now follow the new time, once.
    reminders_scan(now=new_start - timedelta(hours=2) + timedelta(minutes=1))
    again = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).exclude(status=Status.WITHDRAWN)
    assert again.count() == 3
    assert set(again.values_list("occurrence", flat=True)) == {new_start}
    assert reminders_scan(now=new_start - timedelta(hours=2) + timedelta(minutes=2)).created == 0

    # The hook running again (a redelivered task) tells nobody twice.
    reminders.workshop_changed(workshop_id=workshop.pk, change="rescheduled")
    assert registrant_deliveries(reminders.RESCHEDULED).count() == 4


def test_a_new_place_is_announced_to_everyone_once_per_move(django_capture_on_commit_callbacks):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(days=2), registrants=2, email=True)
    Registration.objects.create(
        workshop=workshop, name="ثنا", phone="+923009998888", language="sd", status="waitlisted", consent=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        workshop_update(workshop=workshop, actor=None, title="A new title")  # not a move: no notice
    assert not Delivery.objects.filter(kind=reminders.MOVED).exists()

    with django_capture_on_commit_callbacks(execute=True):
        workshop_update(workshop=workshop, actor=None, address="Girls High School, Block C")
    notices = registrant_deliveries(reminders.MOVED)
    # Two confirmed people by SMS and email, the one waiting by SMS; all sent, none a reschedule.
    assert sorted(notices.values_list("channel", flat=True)) == ["email", "email", "sms", "sms", "sms"]
    assert set(notices.values_list("status", flat=True)) == {Status.SENT}
    assert facilitator_deliveries(reminders.MOVED).count() == 2
    assert not Delivery.objects.filter(kind=reminders.RESCHEDULED).exists()
    sindhi = notices.get(channel="sms", language="sd")
    assert "Girls High School" in sent_text(sindhi) and "Hifazat" not in sent_text(sindhi)
    assert "Girls High School, Block C" in sent_text(notices.filter(channel="email").first())  # full address

    reminders.workshop_changed(
        workshop_id=workshop.pk, change="moved"
    )  # a redelivered task: nobody is told twice
    assert registrant_deliveries(reminders.MOVED).count() == 5

    with django_capture_on_commit_callbacks(execute=True):
        workshop_update(workshop=workshop, actor=None, venue_kind="school", town="Saddar")
    assert registrant_deliveries(reminders.MOVED).count() == 10  # a second move: told again

    new_start = (now + timedelta(days=3)).replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        workshop_update(
            workshop=workshop,
            actor=None,
            town="Clifton",
            starts_at=new_start,
            ends_at=new_start + timedelta(hours=2),
        )
    assert registrant_deliveries(reminders.MOVED).count() == 10  # time and place: one notice,
    assert registrant_deliveries(reminders.RESCHEDULED).filter(channel="sms").count() == 3  # the new time
    assert "Clifton" in sent_text(registrant_deliveries(reminders.RESCHEDULED).filter(channel="sms").first())


def test_cancelling_sends_one_cancellation_each_and_no_reminder(django_capture_on_commit_callbacks):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(hours=1, minutes=55), registrants=3, email=True)
    reminders_scan(now=now)
    pending = list(registrant_deliveries(reminders.REGISTRANT_TWO_HOURS))
    assert len(pending) == 6

    with django_capture_on_commit_callbacks(execute=True):
        workshop_cancel(workshop=workshop, actor=None, reason="flooding")
    assert {Delivery.objects.get(pk=d.pk).status for d in pending} == {Status.WITHDRAWN}
    cancellations = registrant_deliveries(reminders.CANCELLED)
    assert sorted(cancellations.values_list("channel", flat=True)) == ["email"] * 3 + ["sms"] * 3
    assert set(cancellations.values_list("status", flat=True)) == {Status.SENT}
    assert facilitator_deliveries(reminders.CANCELLED).count() == 2

    reminders.workshop_changed(workshop_id=workshop.pk, change="cancelled")  # twice: still one each
    assert reminders_scan(now=now + timedelta(minutes=5)).created == 0
    assert reminders_scan(now=workshop.starts_at - timedelta(minutes=30)).created == 0
    assert Delivery.objects.filter(kind=reminders.CANCELLED).count() == 8
    assert not Delivery.objects.filter(kind__in=reminders.REMINDER_KINDS, status=Status.SENT).exists()


def test_a_promotion_from_the_waiting_list_tells_only_the_promoted_person(django_capture_on_commit_callbacks):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(days=3), registrants=1, capacity=1)
    [seated] = registrations(workshop)
    first = Registration.objects.create(
        workshop=workshop, name="ثنا", phone="+923009998888", language="ur", status="waitlisted", consent=True
    )
    Registration.objects.create(
        workshop=workshop,
        name="زینب",
        phone="+923009997777",
        language="ur",
        status="waitlisted",
        consent=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=seated)
    promoted = Delivery.objects.filter(kind=reminders.PROMOTED)
    assert list(promoted.values_list("recipient_id", "channel", "status")) == [(first.pk, "sms", Status.SENT)]
    reminders.registration_changed(registration_id=first.pk, change="promoted")
    assert promoted.count() == 1


def test_a_cancelled_registration_loses_its_waiting_reminders(django_capture_on_commit_callbacks):
    now = timezone.now()
    workshop = workshop_with(starts_at=now + timedelta(hours=1, minutes=55), registrants=2)
    reminders_scan(now=now)
    leaving, staying = registrations(workshop)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=leaving)
    statuses = dict(registrant_deliveries().values_list("recipient_id", "status"))
    assert statuses == {leaving.pk: Status.WITHDRAWN, staying.pk: Status.QUEUED}


def test_a_facilitator_taken_off_the_workshop_is_not_reminded(django_capture_on_commit_callbacks):
    from tests.reminders.helpers import facilitator

    now = timezone.now()
    helper = facilitator(user_phone="+923338889999", level="trainee")
    workshop = workshop_with(starts_at=now + timedelta(days=1, hours=12), co_facilitators=[helper])
    reminders_scan(now=now)
    assert facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).count() == 4
    with django_capture_on_commit_callbacks(execute=True):
        workshop_update(workshop=workshop, actor=None, co_facilitators=[])
    withdrawn = facilitator_deliveries(reminders.FACILITATOR_TWO_DAYS).filter(status=Status.WITHDRAWN)
    assert set(withdrawn.values_list("recipient_id", flat=True)) == {helper.user_id}


def test_a_reschedule_to_the_same_start_or_back_sends_no_second_two_hour_reminder(
    django_capture_on_commit_callbacks,
):
    """The two-hour reminder's exactly-once key is (registration, workshop, kind, channel, start).
    A start typed in a form has whole minutes; a workshop's start may have seconds (made by code, or
    before the form): the same minute is the same start, kept as it was."""
    now = timezone.now()
    # Seconds, as a start made by code has: the most a start can have, 59.5 of them, which is further
    # from its whole minute than a 59-second tolerance (a second reminder went out once in sixty runs
    # when the clock gave it).
    start = now.replace(second=0, microsecond=0) + timedelta(hours=1, minutes=55, seconds=59.5)
    workshop = workshop_with(starts_at=start, registrants=2)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan(now=now)
    sent = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).filter(status=Status.SENT)
    assert sent.count() == 2

    # The coordinator changes only the end, with the form (whole minutes): the start stays.
    same_minute = start.replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        workshop_reschedule(
            workshop=workshop, actor=None, starts_at=same_minute, ends_at=same_minute + timedelta(hours=3)
        )
    workshop.refresh_from_db()
    assert workshop.starts_at == start  # the same start, kept exactly
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan(now=now + timedelta(minutes=1))
    assert registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).count() == 2

    # Moved an hour later and back again, with the form: still one reminder for that start.
    later = same_minute + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        workshop_reschedule(
            workshop=workshop, actor=None, starts_at=later, ends_at=later + timedelta(hours=2)
        )
    with django_capture_on_commit_callbacks(execute=True):
        workshop_reschedule(
            workshop=workshop, actor=None, starts_at=same_minute, ends_at=same_minute + timedelta(hours=2)
        )
    workshop.refresh_from_db()
    assert workshop.starts_at == same_minute  # back from another time: the form's minute
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan(now=now + timedelta(minutes=2))
    two_hours = registrant_deliveries(reminders.REGISTRANT_TWO_HOURS).exclude(status=Status.WITHDRAWN)
    assert two_hours.count() == 2  # the ones sent for this start; nobody reminded twice
    # People were told of each change of time, though (the new end too): three changes, two people.
    assert registrant_deliveries(reminders.RESCHEDULED).filter(status=Status.SENT).count() == 6


def test_the_cancellation_notice_carries_the_coordinators_reason(django_capture_on_commit_callbacks):
    workshop = workshop_with(starts_at=timezone.now() + timedelta(days=2), registrants=1, language="sd")
    with django_capture_on_commit_callbacks(execute=True):
        workshop_cancel(workshop=workshop, actor=None, reason="هال جي بُڪنگ منسوخ ٿي وئي")
    sms = registrant_deliveries(reminders.CANCELLED).get(channel="sms")
    assert sms.status == Status.SENT and "هال جي بُڪنگ منسوخ ٿي وئي" in sent_text(sms) and sms.segments <= 2
