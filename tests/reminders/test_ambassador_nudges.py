"""Ambassador nudges: a trainee whose track has stalled for AMBASSADOR_NUDGE_AFTER_DAYS gets one
nudge per stall, in their language, naming their next step (ambassadors/reminders.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ambassadors import reminders, services
from ambassadors.models import Enrolment
from facilitators.models import AmbassadorProfile
from notifications.models import Delivery
from notifications.services import reminders_scan
from notifications.sms import UCS2, sms_length
from tests.ambassadors.factories import enrol, full_track, trainee

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (21, 8)
    settings.AMBASSADOR_NUDGE_AFTER_DAYS = 14
    settings.SITE_URL = "https://hifazat.org.pk"


def nudges():
    return Delivery.objects.filter(kind=reminders.STALLED_NUDGE)


def enrolled(*, days_ago: int, level=AmbassadorProfile.Level.TRAINEE, **profile):
    track, steps = full_track()
    person = trainee(phone="+923001234567", user__full_name="عائشہ سومرو", user__language="ur", **profile)
    if level != person.level:
        person.level = level
        person.save()
    enrolment = enrol(person, track)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=timezone.now() - timedelta(days=days_ago))
    enrolment.refresh_from_db()
    return enrolment, steps


def test_a_stalled_trainee_is_nudged_once_on_sms_and_email_even_when_the_scan_runs_twice():
    enrolment, steps = enrolled(days_ago=15)
    now = timezone.now()
    reminders_scan(now=now)
    assert reminders_scan(now=now + timedelta(minutes=1)).created == 0
    user = enrolment.profile.user
    assert sorted(nudges().values_list("channel", "to")) == [("email", user.email), ("sms", "+923001234567")]
    assert set(nudges().values_list("recipient_id", flat=True)) == {user.pk}
    assert set(nudges().values_list("occurrence", flat=True)) == {enrolment.enrolled_at}


def test_the_nudge_is_in_urdu_names_the_next_step_and_fits_two_sms_segments():
    enrolment, steps = enrolled(days_ago=15)
    study = steps["study"]
    study.title_ur = (
        "آن لائن بینکنگ فراڈ سے بچاؤ کا مکمل ماڈیول پڑھیں اور سمجھیں"  # longer than an SMS allows
    )
    study.save()
    reminders_scan(now=timezone.now())
    sms = nudges().get(channel="sms")
    assert sms.language == "ur"
    assert "حفاظت" in sms.body and "آن لائن بینکنگ" in sms.body
    assert "Hifazat" not in sms.body and "training" not in sms.body  # no English slipped in
    assert "https://hifazat.org.pk/ur/ambassadors/me/" in sms.body
    length = sms_length(sms.body)
    assert length.encoding == UCS2 and length.segments <= 2, sms.body
    email = nudges().get(channel="email")
    assert study.title_ur in email.body and "حفاظت" in email.body
    assert enrolment.track.name_ur in email.title


def test_after_progress_no_nudge_and_a_later_stall_nudges_again():
    enrolment, steps = enrolled(days_ago=30)
    services.study_step_complete(enrolment=enrolment, step=steps["study"])  # progress today
    now = timezone.now()
    reminders_scan(now=now)
    assert not nudges().exists()
    # Fourteen days later without progress: stalled again, nudged once about the next step (the quiz).
    reminders_scan(now=now + timedelta(days=14, minutes=1))
    reminders_scan(now=now + timedelta(days=14, minutes=2))
    assert nudges().filter(channel="sms").count() == 1
    assert steps["quiz"].title_ur in nudges().get(channel="sms").body


def test_recent_progress_certified_ambassadors_and_finished_tracks_get_none():
    recent, _steps = enrolled(days_ago=3)
    certified, _steps = enrolled(days_ago=40, level=AmbassadorProfile.Level.CERTIFIED)
    finished, _steps = enrolled(days_ago=40)
    Enrolment.objects.filter(pk=finished.pk).update(completed_at=timezone.now() - timedelta(days=20))
    reminders_scan(now=timezone.now())
    assert not nudges().exists()


def test_the_stall_length_is_a_setting(settings):
    enrolled(days_ago=8)
    reminders_scan(now=timezone.now())
    assert not nudges().exists()
    settings.AMBASSADOR_NUDGE_AFTER_DAYS = 7
    reminders_scan(now=timezone.now())
    assert nudges().count() == 2


@pytest.mark.parametrize("language", ["ur", "sd", "ps", "en"])
def test_every_language_fits_two_segments_with_the_longest_step_title(language):
    from types import SimpleNamespace

    from notifications.rules import message_render

    step = SimpleNamespace(title="محفوظ آن لائن بینکنگ اور موبائل والٹ کے فراڈ سے بچاؤ " * 3)
    for context in ({"step": step}, {"step": None}):
        body = message_render(
            template="ambassadors/messages/stalled_nudge", channel="sms", language=language, context=context
        ).body
        assert sms_length(body).segments <= 2, body
        assert "/ambassadors/me/" in body
