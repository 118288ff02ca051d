"""The workshops export (export.csv): on PostgreSQL the database writes the lines; they must be the
bytes the Python path writes, in every language and time zone, for the coordinator's region only."""

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone, translation

from common.exports import csv_lines_streaming_response, csv_streaming_response
from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops import exports
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the lines are written by PostgreSQL only there"
)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _varied_workshops():
    """Workshops that exercise every cell: Urdu and formula-like titles, quotes, commas and line
    breaks, every status, format and audience, no lead, a lead without a name, no topics, several
    topics, a time near midnight (another day in some zones), and one outside Sindh."""
    karachi, hyderabad = factories.district("Karachi Central"), factories.district("Hyderabad")
    named = AmbassadorProfileFactory(user__full_name='=Bushra, "B" Memon')
    unnamed = AmbassadorProfileFactory(user__full_name="", user__email="-lead@hifazat.test")
    midnight = datetime.datetime(2030, 6, 30, 19, 15, tzinfo=datetime.UTC)  # 00:15 in Karachi
    winter = datetime.datetime(2030, 1, 15, 4, 0, tzinfo=datetime.UTC)
    titles = [
        "آن لائن دھوکہ دہی سے بچاؤ",
        '=HYPERLINK("http://evil")',
        '+92 helpline, and "quotes"',
        "@home safety",
        "-minus start",
        "Two\nlines\r\nhere",
        "Plain",
    ]
    statuses = [choice[0] for choice in Workshop.Status.choices]
    formats = [choice[0] for choice in Workshop.Format.choices]
    audiences = [choice[0] for choice in Workshop.Audience.choices]
    languages = [code for code, _name in settings.LANGUAGES]
    topic_sets = [[], ["scams-fraud"], ["rights-privacy", "scams-fraud"]]
    workshops = []
    for number, title in enumerate(titles):
        starts = (midnight if number % 2 else winter) + datetime.timedelta(days=number)
        workshops.append(
            WorkshopFactory(
                title=title,
                status=statuses[number % len(statuses)],
                format=formats[number % len(formats)],
                audience=audiences[number % len(audiences)],
                language=languages[number % len(languages)],
                district=karachi if number % 3 else hyderabad,
                town="Gulshan, Block 5" if number == 2 else "=cmd" if number == 3 else "حیدرآباد",
                lead_facilitator=[None, named, unnamed][number % 3],
                recorded_afterwards=number % 2 == 0,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2, minutes=30),
                topics=topic_sets[number % len(topic_sets)],
            )
        )
    RegistrationFactory(workshop=workshops[0])
    RegistrationFactory(workshop=workshops[0], status="waitlisted")
    WorkshopFactory(title="Outside Sindh", district=factories.district("Lahore"))
    return workshops


@needs_postgres
@pytest.mark.parametrize(
    ("zone", "who"),
    [("Asia/Karachi", "coordinator"), ("Europe/London", "coordinator"), ("America/St_Johns", "admin")],
)
def test_the_lines_postgresql_writes_are_the_bytes_python_writes(zone, who):
    _varied_workshops()
    staff = factories.coordinator("SD") if who == "coordinator" else factories.admin_user()
    for language, _name in settings.LANGUAGES:
        with translation.override(language), timezone.override(zone):
            python = _body(
                csv_streaming_response(
                    filename="w", header=exports.header(), rows=exports.python_rows(user=staff)
                )
            )
            database = _body(
                csv_lines_streaming_response(
                    filename="w",
                    header=exports.header(),
                    chunks=exports.postgresql_lines(user=staff, zone=zone),
                )
            )
        # Line by line first, for a readable difference; then the bytes (the byte-order mark too).
        assert database.decode().split("\r\n") == python.decode().split("\r\n"), language
        assert database == python, language
        rows = list(csv.reader(io.StringIO(database.decode("utf-8-sig"))))
        if who == "coordinator":
            assert len(rows) == 8, language  # the header and Sindh's seven, not Lahore's
            assert "Outside Sindh" not in database.decode()
        else:
            assert len(rows) == 9, language  # every workshop


@needs_postgres
def test_the_coordinator_downloads_the_lines_postgresql_writes(client):
    workshops = _varied_workshops()
    coordinator = factories.coordinator("SD")
    client.force_login(coordinator)
    body = _body(client.get("/ur/workshops/manage/export.csv"))
    with translation.override("ur"):
        python = _body(
            csv_streaming_response(
                filename="w", header=exports.header(), rows=exports.python_rows(user=coordinator)
            )
        )
    assert body == python
    rows = {row[0]: row for row in csv.reader(io.StringIO(body.decode("utf-8-sig")))}
    first = rows[str(workshops[0].pk)]
    assert first[1] == "آن لائن دھوکہ دہی سے بچاؤ"
    assert first[3] == "2030-01-15 09:00"  # 04:00 UTC, in Karachi
    assert first[13:15] == ["1", "1"]  # confirmed, waiting
    assert rows[str(workshops[1].pk)][1] == '\'=HYPERLINK("http://evil")'
    assert rows[str(workshops[1].pk)][15].startswith("'=Bushra")
    assert rows[str(workshops[2].pk)][15] == "'-lead@hifazat.test"  # no name: the address


@needs_postgres
def test_a_coordinator_with_no_region_downloads_the_header_alone(client):
    WorkshopFactory()
    coordinator = factories.coordinator("SD")
    coordinator.province = None
    coordinator.save()
    coordinator.districts.clear()
    client.force_login(coordinator)
    response = client.get("/en/workshops/manage/export.csv")
    assert _body(response).decode("utf-8-sig").splitlines() == [",".join(exports.header())]
