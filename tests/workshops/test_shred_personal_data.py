import datetime

import pytest
from django.utils import timezone

from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration, WalkInCount
from workshops.services import workshops_shred_personal_data
from workshops.tasks import workshops_shred_personal_data_task

pytestmark = pytest.mark.django_db


def workshop_ended(days_ago: int):
    ends = timezone.now() - datetime.timedelta(days=days_ago)
    return WorkshopFactory(starts_at=ends - datetime.timedelta(hours=2), ends_at=ends, status="completed")


def test_names_phones_and_emails_go_counts_stay():
    old = workshop_ended(100)
    recent = workshop_ended(10)
    RegistrationFactory(workshop=old, email="a@example.org", attended=True)
    RegistrationFactory(workshop=old, status="waitlisted")
    WalkInCount.objects.create(workshop=old, gender="women", age_band="18_29", count=4)
    kept = RegistrationFactory(workshop=recent)

    assert workshops_shred_personal_data(older_than_days=90) == 2
    shredded = Registration.objects.filter(workshop=old)
    assert set(shredded.values_list("name", "phone", "email")) == {("", "", "")}
    assert shredded.filter(attended=True).count() == 1
    assert sorted(shredded.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
    assert old.walk_ins.get().count == 4
    assert Registration.objects.get(pk=kept.pk).name == kept.name
    old.refresh_from_db()
    assert old.personal_data_shredded_at is not None
    assert workshops_shred_personal_data(older_than_days=90) == 0  # idempotent


def test_the_daily_task_uses_the_configured_days(settings):
    settings.WORKSHOPS_SHRED_AFTER_DAYS = 5
    RegistrationFactory(workshop=workshop_ended(10))
    assert workshops_shred_personal_data_task() == 1


def test_the_task_is_on_the_beat_schedule():
    from config.schedules import BEAT_SCHEDULE

    entry = BEAT_SCHEDULE["workshops-shred-personal-data"]
    assert entry["task"] == "workshops.tasks.workshops_shred_personal_data_task"
