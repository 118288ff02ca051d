"""The coordinators' directory (filters, CSV, scope, constant queries) and the ambassador's page."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts.selectors import dashboard_sections_for
from ambassadors.models import Track
from common.queries import json_list_has
from facilitators.models import AmbassadorProfile
from tests import factories
from tests.ambassadors.factories import AmbassadorProfileFactory, WorkshopFactory, enrol, trainee
from workshops.models import Registration, WalkInCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "sana": AmbassadorProfileFactory(
            user__full_name="Sana Teacher",
            background="teacher",
            availability=["weekends"],
            phone="+923001112223",
        ),
        "zara": trainee(
            user__full_name="Zara Student",
            background="student",
            languages=["sd"],
            availability=["weekday_evenings"],
        ),
        "omar": AmbassadorProfileFactory(
            user__full_name="Omar Lahore", district=factories.district("Lahore"), phone="+923004445556"
        ),
    }


def test_directory_is_scoped_and_filters(client, world, people):
    client.force_login(world.users["coordinator"])
    page = client.get("/en/ambassadors/directory/").content.decode()
    assert "Sana Teacher" in page and "Zara Student" in page and "Omar Lahore" not in page
    assert "0300 1112223" in page  # contact details within scope
    assert "0300 4445556" not in page
    for query, shown, hidden in [
        ({"level": "trainee"}, "Zara Student", "Sana Teacher"),
        ({"language": "en"}, "Sana Teacher", "Zara Student"),
        ({"background": "teacher"}, "Sana Teacher", "Zara Student"),
        ({"availability": "weekends"}, "Sana Teacher", "Zara Student"),
        ({"q": "zara"}, "Zara Student", "Sana Teacher"),
    ]:
        page = client.get("/en/ambassadors/directory/", query).content.decode()
        assert shown in page and hidden not in page, query
    assert client.get(f"/en/ambassadors/directory/{people['omar'].pk}/").status_code == 404
    client.force_login(world.users["coordinator_elsewhere"])
    page = client.get("/en/ambassadors/directory/").content.decode()
    assert "Omar Lahore" in page and "Sana Teacher" not in page


def test_csv_export_follows_the_filters_and_the_scope(client, world, people):
    client.force_login(world.users["coordinator"])
    response = client.get("/en/ambassadors/directory/export.csv", {"background": "teacher"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][0] == "Name" and [row[0] for row in rows[1:]] == ["Sana Teacher"]
    assert "0300 1112223" in rows[1]


def test_csv_export_filters_by_language_and_availability_on_every_database(client, world, people):
    """JSON list filters gave a 500 on the embedded default (SQLite has no JSON containment)."""
    client.force_login(world.users["coordinator"])
    for query, names in [
        ({"language": "en"}, ["Sana Teacher"]),  # Zara teaches in Sindhi only
        ({"availability": "weekday_evenings"}, ["Zara Student"]),
    ]:
        response = client.get("/en/ambassadors/directory/export.csv", query)
        assert response.status_code == 200, query
        rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
        assert [row[0] for row in rows[1:]] == names, query
    # Part of a code is not a match, on SQLite's text match as on PostgreSQL's containment.
    assert not AmbassadorProfile.objects.filter(json_list_has("languages", "e")).exists()
    for code in ("weekends", "weekday_evenings"):
        expected = {p.pk for p in AmbassadorProfile.objects.all() if code in p.availability}
        found = set(
            AmbassadorProfile.objects.filter(json_list_has("availability", code)).values_list("pk", flat=True)
        )
        assert found == expected and expected, code


def test_languages_and_availability_are_named_in_the_page_language(client, world, people):
    client.force_login(world.users["coordinator"])
    page = client.get("/ur/ambassadors/directory/").content.decode()
    assert "سندھی" in page  # Zara runs sessions in Sindhi: named in Urdu, not "sd"
    detail = client.get(f"/ur/ambassadors/directory/{people['zara'].pk}/").content.decode()
    with translation.override("ur"):
        assert translation.gettext("Weekday evenings") in detail
    rows = list(
        csv.reader(
            io.StringIO(client.get("/en/ambassadors/directory/export.csv").getvalue().decode("utf-8-sig"))
        )
    )
    zara = next(row for row in rows if row[0] == "Zara Student")
    assert "Sindhi" in zara and "Weekday evenings" in zara


def test_csv_neutralises_formulas(client, world):
    AmbassadorProfileFactory(user__full_name='=HYPERLINK("http://x")')
    client.force_login(world.users["coordinator"])
    rows = list(
        csv.reader(
            io.StringIO(client.get("/en/ambassadors/directory/export.csv").getvalue().decode("utf-8-sig"))
        )
    )
    assert rows[1][0].startswith("'=")


def test_directory_runs_a_constant_number_of_queries(client, world):
    client.force_login(world.users["coordinator"])
    counts = []
    for size in (2, 15):
        AmbassadorProfileFactory.create_batch(size - AmbassadorProfile.objects.count())
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/ambassadors/directory/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_ambassador_page_shows_next_step_progress_workshops_materials_and_reach(client):
    profile = trainee(user__full_name="Ayesha", languages=["ur"])
    enrol(profile, Track.objects.get(is_default=True))
    lead = AmbassadorProfileFactory()
    upcoming = WorkshopFactory(title="Upcoming in Nazimabad", lead_facilitator=lead)
    upcoming.co_facilitators.add(profile)
    starts = timezone.now() - datetime.timedelta(days=5)
    done = WorkshopFactory(
        title="Done",
        lead_facilitator=lead,
        status="completed",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    done.co_facilitators.add(profile)
    Registration.objects.create(
        workshop=done, name="A", phone="+923001230001", language="ur", status="confirmed", attended=True
    )
    Registration.objects.create(
        workshop=done, name="B", phone="+923001230002", language="ur", status="confirmed", attended=False
    )
    WalkInCount.objects.create(workshop=done, gender="women", age_band="18_29", count=7)

    client.force_login(profile.user)
    page = client.get("/en/ambassadors/me/").content.decode()
    assert "Pass the foundations quiz" in page  # the next step of the default track
    assert 'max="4" value="0"' in page
    assert "Upcoming in Nazimabad" in page
    assert '<bdi dir="ltr">8</bdi>' in page  # 1 registrant present + 7 walk-ins
    sections = dashboard_sections_for(profile.user)
    assert any("Pass the foundations quiz" in section.description for section in sections)


def test_coordinators_see_their_dashboard_cards(world):
    titles = [section.title for section in dashboard_sections_for(world.users["coordinator"])]
    assert "Ambassador applications" in titles and "Ambassador directory" in titles


def test_a_coordinator_enrols_an_ambassador_in_another_track(client, world):
    from tests.ambassadors.factories import TrackFactory

    profile = AmbassadorProfileFactory()
    track = TrackFactory(name_en="School sessions")
    client.force_login(world.users["coordinator"])
    assert "School sessions" in client.get(f"/en/ambassadors/directory/{profile.pk}/").content.decode()
    client.post(f"/en/ambassadors/directory/{profile.pk}/enrol/", {"track": track.pk})
    assert profile.enrolments.filter(track=track).exists()
    client.force_login(world.users["coordinator_elsewhere"])
    assert (
        client.post(f"/en/ambassadors/directory/{profile.pk}/enrol/", {"track": track.pk}).status_code == 404
    )
