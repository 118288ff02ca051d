"""Recording a session that was held offline, afterwards (workshops:manage_record)."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Delivery
from notifications.services import reminders_scan
from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import WalkInCount, Workshop

pytestmark = pytest.mark.django_db

URL = "/en/workshops/manage/record/"


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def past_data(*, days_ago: float, **overrides) -> dict:
    starts = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=days_ago)
    data = {
        "title": "Scams at the BHU, held offline",
        "description": "Held in the waiting room.",
        "topics": ["scams-fraud", "rights-privacy"],
        "language": "ur",
        "format": "in_person",
        "district": factories.district("Karachi Central").pk,
        "town": "Nazimabad",
        "address": "Basic health unit, Block 5",
        "venue_kind": "health_unit",
        "audience": "everyone",
        "starts_at": local(starts),
        "ends_at": local(starts + datetime.timedelta(hours=2)),
        "partner_organisation": "Lady health workers",
        "lead_facilitator": AmbassadorProfileFactory().pk,
        "walkin_women_18_29": "۱۲",
        "walkin_women_30_49": "7",
        "walkin_men_18_29": "4",
    }
    data.update(overrides)
    return data


def test_a_session_held_last_week_is_recorded_as_held_and_marked_everywhere(client):
    client.force_login(factories.coordinator("SD"))
    response = client.post(URL, past_data(days_ago=7))
    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/workshops/manage/{workshop.pk}/"
    assert workshop.status == Workshop.Status.COMPLETED
    assert workshop.recorded_afterwards
    assert workshop.topics == ["scams-fraud", "rights-privacy"]
    assert workshop.registrations.count() == 0
    counts = {(cell.gender, cell.age_band): cell.count for cell in WalkInCount.objects.filter(count__gt=0)}
    assert counts == {("women", "18_29"): 12, ("women", "30_49"): 7, ("men", "18_29"): 4}
    assert workshop.capacity == 23  # seats are the head count: nobody booked one

    detail = client.get(response["Location"]).content.decode()
    assert "Recorded afterwards" in detail
    assert "Recorded afterwards" in client.get("/en/workshops/manage/").content.decode()
    report = client.get(f"/en/workshops/manage/{workshop.pk}/report/").content.decode()
    assert "Recorded afterwards" in report
    assert '<dd dir="ltr"><strong>23</strong></dd>' in report  # present in total: the head counts
    export = client.get("/en/workshops/manage/export.csv").getvalue().decode("utf-8-sig")
    header, row = export.splitlines()[:2]
    assert header.endswith(",Recorded afterwards") and row.endswith(",Yes")
    public = client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert "This session was held offline; it was recorded here afterwards." in public
    # The public list shows only what is ahead.
    assert "Scams at the BHU" not in client.get("/en/workshops/").content.decode()


def test_more_than_the_window_back_is_refused_in_the_page_language_keeping_everything_typed(client, settings):
    settings.WORKSHOPS_RECORD_PAST_DAYS = 60
    client.force_login(factories.coordinator("SD"))
    data = past_data(days_ago=61)
    response = client.post("/ur/workshops/manage/record/", data)
    assert response.status_code == 200
    assert not Workshop.objects.exists()
    html = response.content.decode()
    assert "60" in html and "A past session can be recorded" not in html  # translated, not English
    form = response.context["form"]
    assert "starts_at" in form.errors
    assert form.errors["starts_at"] == [
        "ماضی کا سیشن اس کے ہونے کے 60 دن بعد تک درج کیا جا سکتا ہے؛ یہ اس سے پرانا ہے۔"
    ]
    for name in ("title", "town", "address", "partner_organisation", "starts_at", "ends_at"):
        assert f'value="{data[name]}"' in html, name
    assert "Held in the waiting room." in html
    assert 'value="scams-fraud" id="id_topics_0" checked' in html
    assert 'value="rights-privacy" id="id_topics_3" checked' in html
    assert 'name="walkin_women_18_29" value="۱۲"' in html
    assert 'name="walkin_men_18_29" value="4"' in html
    assert f'<option value="{data["lead_facilitator"]}" selected>' in html


def test_the_window_edge_and_a_session_not_yet_ended(client, settings):
    settings.WORKSHOPS_RECORD_PAST_DAYS = 60
    client.force_login(factories.coordinator("SD"))
    assert client.post(URL, past_data(days_ago=59.9)).status_code == 302
    starts = timezone.now() - datetime.timedelta(hours=1)
    response = client.post(
        URL,
        past_data(
            days_ago=0,
            title="Still going",
            starts_at=local(starts),
            ends_at=local(starts + datetime.timedelta(hours=3)),
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == [
        "A session recorded afterwards must have ended already."
    ]
    assert Workshop.objects.count() == 1


def test_a_bad_head_count_keeps_the_rest_and_creates_nothing(client):
    client.force_login(factories.coordinator("SD"))
    response = client.post(URL, past_data(days_ago=3, walkin_women_18_29="x"))
    assert response.status_code == 200
    assert not Workshop.objects.exists()
    html = response.content.decode()
    assert 'name="walkin_women_18_29" value="x"' in html
    assert 'value="Scams at the BHU, held offline"' in html


def test_future_dates_are_unchanged_for_new_workshops_and_refused_for_a_past_record(client):
    client.force_login(factories.coordinator("SD"))
    starts = timezone.now() + datetime.timedelta(days=2)
    response = client.post(
        URL,
        past_data(days_ago=0, starts_at=local(starts), ends_at=local(starts + datetime.timedelta(hours=2))),
    )
    assert response.status_code == 200 and not Workshop.objects.exists()
    # The ordinary form still refuses the past and accepts the future, as before.
    from tests.workshops.test_manage import form_data

    past = timezone.localtime() - datetime.timedelta(days=3)
    refused = client.post(
        "/en/workshops/manage/new/",
        form_data(
            starts_at=past.strftime("%Y-%m-%dT%H:%M"),
            ends_at=(past + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["starts_at"] == ["Choose a time in the future."]
    assert client.post("/en/workshops/manage/new/", form_data()).status_code == 302
    workshop = Workshop.objects.get()
    assert workshop.status == "draft" and not workshop.recorded_afterwards


def test_outside_the_coordinators_scope_the_district_is_refused(client):
    client.force_login(factories.coordinator("PB"))
    response = client.post(URL, past_data(days_ago=3))
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Workshop.objects.exists()


def test_the_reminder_scan_sends_nothing_for_a_recorded_session(client, settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.txt")
    client.force_login(factories.coordinator("SD"))
    lead = AmbassadorProfileFactory(phone="+923001112233")
    # Ended 90 minutes ago: a feedback request would be due for an ordinary workshop, and the
    # facilitator's "morning of the day" reminder too.
    starts = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=3, minutes=30)
    ends = starts + datetime.timedelta(hours=2)
    assert (
        client.post(
            URL, past_data(days_ago=0, lead_facilitator=lead.pk, starts_at=local(starts), ends_at=local(ends))
        ).status_code
        == 302
    )
    recorded = Workshop.objects.get(recorded_afterwards=True)
    # An ordinary workshop at the same moment, for contrast: its attended registrant is asked for feedback.
    ordinary = WorkshopFactory(
        starts_at=starts, ends_at=ends, status=Workshop.Status.COMPLETED, district=recorded.district
    )
    RegistrationFactory(workshop=ordinary, attended=True)
    reminders_scan()
    reminders_scan(now=timezone.now() + datetime.timedelta(hours=1))
    assert Delivery.objects.for_subject(recorded).count() == 0
    assert Delivery.objects.for_subject(ordinary).filter(kind="workshops.feedback_request").exists()
