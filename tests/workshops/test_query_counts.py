"""List pages run the same number of queries whatever the number of workshops."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory
from workshops.models import Topic, Workshop, WorkshopTopic

pytestmark = pytest.mark.django_db


def make_workshops(count: int) -> None:
    districts = [factories.district("Karachi Central"), factories.district("Hyderabad")]
    lead = AmbassadorProfileFactory()
    start = timezone.now() + datetime.timedelta(days=1)
    workshops = Workshop.objects.bulk_create(
        [
            Workshop(
                title=f"Workshop {n}",
                language="ur",
                district=districts[n % 2],
                town="Town",
                venue_kind="school",
                starts_at=start + datetime.timedelta(hours=n),
                ends_at=start + datetime.timedelta(hours=n, minutes=90),
                capacity=20,
                status="published",
                lead_facilitator=lead,
            )
            for n in range(count)
        ]
    )
    WorkshopTopic.objects.bulk_create(
        [WorkshopTopic(workshop=w, topic=topic) for w in workshops for topic in Topic.values[:2]]
    )
    for workshop in workshops[:3]:
        RegistrationFactory(workshop=workshop)


def count_queries(client, path: str, expected_rows: int) -> int:
    client.get(path)  # caches (district names) are warm in a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert response.content.decode().count("Workshop ") >= expected_rows
    return len(queries)


@pytest.mark.parametrize("path", ["/ur/workshops/", "/en/workshops/?topic=scams-fraud&language=ur"])
def test_public_list_query_count_is_constant(client, path):
    make_workshops(5)
    small = count_queries(client, path, 5)
    make_workshops(295)
    assert count_queries(client, path, 20) == small
    assert small <= 8


def test_coordinator_list_query_count_is_constant(client):
    client.force_login(factories.coordinator("SD"))
    make_workshops(5)
    small = count_queries(client, "/en/workshops/manage/", 5)
    make_workshops(295)
    assert count_queries(client, "/en/workshops/manage/", 20) == small
    assert small <= 12


def test_month_calendar_query_count_is_constant(client):
    client.force_login(factories.coordinator("SD"))
    month = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m")
    make_workshops(5)
    small = count_queries(client, f"/en/workshops/manage/calendar/?month={month}", 1)
    make_workshops(295)
    assert count_queries(client, f"/en/workshops/manage/calendar/?month={month}", 1) == small
