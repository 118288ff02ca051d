import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from facilitators.models import AmbassadorProfile
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db
KARACHI = ZoneInfo("Asia/Karachi")


def test_ics_parses_and_starts_at_the_right_time_in_karachi(client):
    starts = datetime.datetime(2031, 3, 14, 15, 30, tzinfo=KARACHI)
    workshop = WorkshopFactory(
        title="Scams on WhatsApp", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    response = client.get(f"/ur/workshops/{workshop.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == starts
    assert str(start.tzinfo) == "Asia/Karachi"
    assert start.astimezone(datetime.UTC).hour == 10  # stored in UTC: 15:30 PKT is 10:30 UTC
    assert event.decoded("dtend") == starts + datetime.timedelta(hours=2)
    assert str(event["summary"]) == "Scams on WhatsApp"
    assert "Nazimabad" in str(event["location"])
    (timezone_component,) = calendar.walk("VTIMEZONE")
    assert str(timezone_component["tzid"]) == "Asia/Karachi"


def test_drafts_have_no_public_ics(client):
    workshop = WorkshopFactory(status="draft")
    assert client.get(f"/en/workshops/{workshop.pk}/calendar.ics").status_code == 404


def test_ambassador_feed_lists_their_workshops_and_stops_after_rotation(client):
    profile = AmbassadorProfileFactory()
    mine = WorkshopFactory(lead_facilitator=profile, title="Mine")
    co = WorkshopFactory(title="Co-facilitated")
    co.co_facilitators.add(profile)
    WorkshopFactory(title="Someone else's")
    WorkshopFactory(lead_facilitator=profile, status="draft", title="Draft")
    old_url = f"/en/workshops/feed/{profile.calendar_token}.ics"
    response = client.get(old_url)
    calendar = icalendar.Calendar.from_ical(response.content)
    assert sorted(str(event["summary"]) for event in calendar.walk("VEVENT")) == ["Co-facilitated", "Mine"]
    assert mine.pk

    client.force_login(profile.user)
    assert client.post("/en/workshops/mine/calendar-link/").status_code == 302
    profile = AmbassadorProfile.objects.get(pk=profile.pk)
    assert client.get(old_url).status_code == 404
    assert client.get(f"/en/workshops/feed/{profile.calendar_token}.ics").status_code == 200
    page = client.get("/en/workshops/mine/").content.decode()
    assert profile.calendar_token in page and "Mine" in page
