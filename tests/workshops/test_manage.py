import csv
import datetime
import io

import pytest
from django.utils import timezone

from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    starts = timezone.localtime() + datetime.timedelta(days=5)
    data = {
        "title": "Scams and you",
        "description": "",
        "topics": ["scams-fraud", "rights-privacy"],
        "language": "ur",
        "format": "in_person",
        "district": factories.district("Karachi Central").pk,
        "town": "Nazimabad",
        "address": "",
        "venue_kind": "school",
        "online_details": "",
        "audience": "everyone",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": "30",
        "partner_organisation": "",
        "lead_facilitator": "",
    }
    data.update(overrides)
    return data


def test_coordinator_creates_a_draft_then_publishes_it(client):
    client.force_login(factories.coordinator("SD"))
    lead = AmbassadorProfileFactory()
    response = client.post("/en/workshops/manage/new/", form_data(lead_facilitator=lead.pk))
    workshop = Workshop.objects.get()
    assert response["Location"] == f"/en/workshops/manage/{workshop.pk}/"
    assert workshop.status == "draft" and workshop.topics == ["scams-fraud", "rights-privacy"]
    assert client.get("/en/workshops/").content.decode().count("Scams and you") == 0
    client.post(f"/en/workshops/manage/{workshop.pk}/publish/")
    assert Workshop.objects.get().status == "published"
    assert "Scams and you" in client.get("/en/workshops/").content.decode()


def test_start_and_end_are_pakistan_time_and_can_be_typed_in_urdu_digits(client):
    client.force_login(factories.coordinator("SD"))
    year = timezone.now().year + 1
    client.post(
        "/ur/workshops/manage/new/",
        form_data(starts_at=f"{year}-۰۳-۱۴T۱۵:۳۰", ends_at=f"{year}-03-14T17:30", capacity="۳۰"),
    )
    workshop = Workshop.objects.get()
    assert workshop.starts_at == datetime.datetime(year, 3, 14, 10, 30, tzinfo=datetime.UTC)
    assert workshop.capacity == 30


def test_a_coordinator_cannot_schedule_outside_their_region(client):
    client.force_login(factories.coordinator("SD"))
    response = client.post("/en/workshops/manage/new/", form_data(district=factories.district("Lahore").pk))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Workshop.objects.exists()


def test_form_errors_keep_everything_typed(client):
    client.force_login(factories.coordinator("SD"))
    trainee = AmbassadorProfileFactory(level="trainee", user__full_name="Bilal")
    data = form_data(title="حفاظت ورکشاپ", lead_facilitator=trainee.pk, ends_at=form_data()["starts_at"])
    html = client.post("/en/workshops/manage/new/", data).content.decode()
    assert "The workshop must end after it starts." in html
    assert 'value="حفاظت ورکشاپ"' in html
    data = form_data(lead_facilitator=trainee.pk)
    html = client.post("/en/workshops/manage/new/", data).content.decode()
    assert "Bilal cannot lead a workshop yet" in html
    assert not Workshop.objects.exists()


def test_edit_reschedule_and_cancel(client, django_capture_on_commit_callbacks):
    coordinator = factories.coordinator("SD")
    client.force_login(coordinator)
    workshop = WorkshopFactory()
    RegistrationFactory(workshop=workshop)
    response = client.post(
        f"/en/workshops/manage/{workshop.pk}/edit/",
        form_data(
            title="Renamed",
            starts_at=timezone.localtime(workshop.starts_at).strftime("%Y-%m-%dT%H:%M"),
            ends_at=timezone.localtime(workshop.ends_at).strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302
    assert Workshop.objects.get().title == "Renamed"

    new_start = timezone.localtime() + datetime.timedelta(days=9)
    with django_capture_on_commit_callbacks() as after_commit:
        client.post(
            f"/en/workshops/manage/{workshop.pk}/reschedule/",
            {
                "starts_at": new_start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (new_start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            },
        )
    assert after_commit  # people are told once it commits (tests/reminders/test_notices.py)
    history = client.get(f"/en/workshops/manage/{workshop.pk}/").content.decode().split('id="history"')[1]
    assert "Moved it to a new time" in history and "Changed the workshop" in history
    assert Workshop.objects.get().starts_at.date() == new_start.astimezone(datetime.UTC).date()
    assert Workshop.objects.get().registrations.count() == 1

    client.post(f"/en/workshops/manage/{workshop.pk}/cancel/", {"reason": "Flooding"})
    workshop = Workshop.objects.get()
    assert (workshop.status, workshop.cancellation_reason) == ("cancelled", "Flooding")
    assert "This workshop is cancelled." in client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert client.post(f"/en/workshops/manage/{workshop.pk}/publish/", follow=True).status_code == 200


def test_publishing_needs_a_lead_facilitator(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory(status="draft")
    html = client.post(f"/en/workshops/manage/{workshop.pk}/publish/", follow=True).content.decode()
    assert "Choose a lead facilitator before publishing." in html
    assert Workshop.objects.get().status == "draft"


def test_coordinators_elsewhere_get_404_on_every_workshop_page(client):
    workshop = WorkshopFactory()  # Karachi Central, Sindh
    client.force_login(factories.coordinator("PB"))
    for suffix in [
        "",
        "edit/",
        "reschedule/",
        "cancel/",
        "registrations.csv",
        "attendance/",
        "quiz/",
        "report/",
    ]:
        assert client.get(f"/en/workshops/manage/{workshop.pk}/{suffix}").status_code == 404, suffix
    assert client.post(f"/en/workshops/manage/{workshop.pk}/publish/").status_code == 404
    assert "Staying safe" not in client.get("/en/workshops/manage/").content.decode()
    assert client.get("/en/workshops/manage/export.csv").getvalue().decode().count("\n") == 1  # header only


def test_coordinator_with_chosen_districts_sees_only_those():
    from django.test import Client

    coordinator = factories.coordinator("SD")
    coordinator.districts.set([factories.district("Hyderabad")])
    client = Client()
    client.force_login(coordinator)
    workshop = WorkshopFactory()  # Karachi Central
    assert client.get(f"/en/workshops/manage/{workshop.pk}/").status_code == 404


def test_csv_exports(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory(title="=HYPERLINK(evil)")
    RegistrationFactory(workshop=workshop, name="عائشہ خان", phone="+923001234567")
    rows = list(
        csv.reader(io.StringIO(client.get("/en/workshops/manage/export.csv").getvalue().decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["ID", "Title", "Status"]
    assert rows[1][1] == "'=HYPERLINK(evil)"
    assert rows[1][13] == "1"  # confirmed
    response = client.get(f"/en/workshops/manage/{workshop.pk}/registrations.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1:4] == ["عائشہ خان", "0300 1234567", ""]


def test_workshops_export_shows_seats_after_registrations_and_cancellations_and_local_times(client):
    from workshops.services import registration_cancel, registration_create

    client.force_login(factories.coordinator("SD"))
    starts = datetime.datetime(2030, 3, 4, 5, 30, tzinfo=datetime.UTC)  # 10:30 in Karachi
    full = WorkshopFactory(title="Two seats", capacity=2, starts_at=starts)
    WorkshopFactory(title="Same time", starts_at=starts)
    people = [
        registration_create(
            workshop=full, name=f"P{n}", phone=f"+9230011100{n:02d}", language="ur", consent=True
        )
        for n in range(4)
    ]
    registration_cancel(registration=people[3])  # a waiting place given up
    rows = {
        row[1]: row
        for row in csv.reader(
            io.StringIO(
                b"".join(client.get("/en/workshops/manage/export.csv").streaming_content).decode("utf-8-sig")
            )
        )
    }
    assert rows["Two seats"][13:15] == ["2", "1"]  # confirmed, waiting
    assert rows["Two seats"][3:5] == rows["Same time"][3:5] == ["2030-03-04 10:30", "2030-03-04 12:30"]


def test_month_calendar_shows_the_workshops_of_the_month(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory(title="In the calendar")
    month = timezone.localtime(workshop.starts_at).strftime("%Y-%m")
    html = client.get("/en/workshops/manage/calendar/", {"month": month}).content.decode()
    assert "In the calendar" in html
    assert client.get("/en/workshops/manage/calendar/", {"month": "garbage"}).status_code == 200


def test_fewer_seats_than_confirmed_people_keeps_their_places_and_warns_the_coordinator(client):
    client.force_login(factories.coordinator("SD"))
    lead = AmbassadorProfileFactory()
    workshop = WorkshopFactory(capacity=5, lead_facilitator=lead)
    for _n in range(4):
        RegistrationFactory(workshop=workshop)
    starts = timezone.localtime(workshop.starts_at)
    page = client.post(
        f"/en/workshops/manage/{workshop.pk}/edit/",
        form_data(
            capacity="۲",
            lead_facilitator=lead.pk,
            starts_at=starts.strftime("%Y-%m-%dT%H:%M"),
            ends_at=timezone.localtime(workshop.ends_at).strftime("%Y-%m-%dT%H:%M"),
        ),
        follow=True,
    ).content.decode()
    assert Workshop.objects.get().capacity == 2
    assert [registration.status for registration in workshop.registrations.all()] == ["confirmed"] * 4
    assert "4 people are confirmed but there are now only 2 seats." in page
    assert "Nobody was moved to the waiting list" in page
