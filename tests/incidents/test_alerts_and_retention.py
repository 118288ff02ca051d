"""Unacknowledged-case alerts to handlers in scope; retention purge; beat entries."""

import datetime
import os

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from config.celery import app as celery_app
from config.schedules import BEAT_SCHEDULE
from incidents import services, tasks
from incidents.models import AuditEntry, Case, Evidence, Message, MonthlyTally
from incidents.uploads import CleanFile
from tests import factories
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager(settings):
    """Alerts go through the delivery log: the send task runs at once here (a real worker in
    test_alert_worker.py)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def alert(django_capture_on_commit_callbacks, **kwargs) -> int:
    """Run the alert as beat would: its emails leave once its transaction has committed."""
    with django_capture_on_commit_callbacks(execute=True):
        return tasks.cases_unacknowledged_alert_task(**kwargs)


def age(case: Case, **delta) -> None:
    Case.objects.filter(pk=case.pk).update(created_at=timezone.now() - datetime.timedelta(**delta))


def test_handlers_in_scope_are_alerted_once_about_a_waiting_case(
    settings, django_capture_on_commit_callbacks
):
    settings.INCIDENT_UNACKNOWLEDGED_ALERT_HOURS = 12
    sindh = incident_factories.handler("SD", language="ur")
    incident_factories.handler("PB")
    limited = incident_factories.handler("SD", categories=["harassment"])
    case = incident_factories.case(narrative="private words")
    fresh = incident_factories.case()
    age(case, hours=13)
    age(fresh, hours=2)
    assert alert(django_capture_on_commit_callbacks) == 1
    assert [message.to for message in mail.outbox] == [[sindh.email]]
    body = mail.outbox[0].body
    for content in ("private words", case.category.name, case.district.name):
        assert content not in body  # nothing from the report in the email
    assert f"/cases/{case.pk}/" in body
    assert "12" in mail.outbox[0].subject
    assert limited.email not in str([message.to for message in mail.outbox])
    # Beat firing again sends nothing new.
    assert alert(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    assert AuditEntry.objects.filter(action="alert", case_code=case.code).count() == 1


def test_acknowledged_cases_raise_no_alert(settings, django_capture_on_commit_callbacks):
    handler = incident_factories.handler("SD")
    case = incident_factories.case()
    services.case_assign(case=case, actor=handler, assignee=handler)
    age(case, days=3)
    assert alert(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_alert_email_is_in_the_handlers_language(django_capture_on_commit_callbacks):
    incident_factories.handler("SD", language="en")
    incident_factories.handler("SD", language="ur")
    case = incident_factories.case()
    age(case, days=3)
    alert(django_capture_on_commit_callbacks)
    subjects = sorted(message.subject for message in mail.outbox)
    assert "without a handler" in subjects[0]
    assert "ہینڈلر کے بغیر" in subjects[1]


def test_an_alert_rolled_back_sends_nothing(django_capture_on_commit_callbacks):
    """The alert's emails are written in its transaction: if it fails, nobody is emailed and the case
    is alerted next time."""
    incident_factories.handler("SD")
    case = incident_factories.case()
    age(case, days=3)
    with pytest.raises(RuntimeError):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            services.cases_unacknowledged_alert()
            raise RuntimeError("the database went away")
    assert mail.outbox == []
    assert Case.objects.get(pk=case.pk).alerted_at is None
    assert alert(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 1


def test_reporters_are_never_contacted_automatically(settings, django_capture_on_commit_callbacks):
    case = incident_factories.case(contact="reporter@example.org", contact_consent=True)
    age(case, days=3)
    handler = incident_factories.handler("SD")
    alert(django_capture_on_commit_callbacks)
    services.case_reply_send(case=case, actor=handler, body="answer")
    services.case_status_change(case=case, actor=handler, status="closed")
    assert all("reporter@example.org" not in message.to for message in mail.outbox)


def close(case: Case, days_ago: int) -> None:
    handler = factories.admin_user()
    services.case_status_change(case=case, actor=handler, status="triage")
    services.case_status_change(case=case, actor=handler, status="closed")
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - datetime.timedelta(days=days_ago))


def test_closed_cases_past_retention_are_purged_with_files_and_messages(
    settings, django_capture_on_commit_callbacks
):
    settings.INCIDENT_RETENTION_DAYS = 30
    old = incident_factories.submit(
        files=[CleanFile(name="a.pdf", content_type="application/pdf", data=b"%PDF-1 a")]
    )
    services.reporter_message_add(case=old.case, body="more")
    recent = incident_factories.case()
    open_and_ancient = incident_factories.case()
    Case.objects.filter(pk=open_and_ancient.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3000)
    )
    close(old.case, days_ago=31)
    close(recent, days_ago=29)
    path = settings.MEDIA_ROOT / Evidence.objects.get().file.name
    tallies_before = sum(MonthlyTally.objects.values_list("count", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.cases_purge_expired_task() == 1
    assert not Case.objects.filter(pk=old.case.pk).exists()
    assert not Message.objects.exists() and not Evidence.objects.exists()
    assert not path.exists()
    assert Case.objects.filter(pk=recent.pk).exists()
    assert Case.objects.filter(pk=open_and_ancient.pk).exists()  # open cases are never purged
    assert sum(MonthlyTally.objects.values_list("count", flat=True)) == tallies_before  # counts stay
    assert AuditEntry.objects.filter(action="purge", case_code=old.code, actor=None).exists()
    assert services.cases_purge_expired() == 0


def test_evidence_files_of_a_rolled_back_submission_are_removed_at_night(settings):
    kept = incident_factories.submit(
        files=[CleanFile(name="kept.pdf", content_type="application/pdf", data=b"%PDF-1 kept")]
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        incident_factories.submit(
            files=[CleanFile(name="lost.pdf", content_type="application/pdf", data=b"%PDF-1 lost")]
        )
        raise RuntimeError("the request failed after the file was written")
    folder = settings.MEDIA_ROOT / "incidents"
    kept_path = settings.MEDIA_ROOT / Evidence.objects.get(case=kept.case).file.name
    [orphan] = [path for path in folder.iterdir() if path != kept_path]  # ciphertext nobody points to
    two_hours_ago = (timezone.now() - datetime.timedelta(hours=2)).timestamp()
    for path in (orphan, kept_path):
        os.utime(path, (two_hours_ago, two_hours_ago))
    fresh = folder / "0123456789abcdef0123456789abcdef"  # a submission still in its transaction
    fresh.write_bytes(b"ciphertext")

    tasks.cases_purge_expired_task()
    assert not orphan.exists()
    assert kept_path.exists() and fresh.exists()
    assert services.evidence_orphans_remove() == 0


def test_beat_runs_the_alert_and_the_daily_purge():
    tasks_scheduled = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert "incidents.tasks.cases_unacknowledged_alert_task" in tasks_scheduled
    assert "incidents.tasks.cases_purge_expired_task" in tasks_scheduled
