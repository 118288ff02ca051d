"""The dashboard and the public page run a fixed number of queries whatever the data size; with
100,000 registrations and 50,000 reports on PostgreSQL the count stays the same (its time is
measured by `make bench`, not here)."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.impact import factories as impact

pytestmark = pytest.mark.django_db

# The figures: reach 4 (workshops by grain and topics, both adding up each workshop's stored
# registration counts; walk-ins by grain and by topic), ambassadors 1,
# quiz 2 (paper totals, phone answers), feedback 1, reports 3 (by district, by month, category names),
# gaps 2, district names 1, curriculum downloads 1.
FIGURES = 15
# Session and user (2), the coordinator's chosen districts for the figures and for the form (2),
# the districts of their province (1), the form's province and district choices (2).
DASHBOARD_QUERIES = 2 + 2 + 1 + 2 + FIGURES
# An admin's scope is everywhere (nothing to look up); the MFA middleware checks their authenticator.
ADMIN_DASHBOARD_QUERIES = 2 + 1 + 2 + FIGURES


CSS = ["css/hifazat-impact.css"]  # the one stylesheet of impact pages


def dashboard_queries(client, path="/ur/impact/dashboard/") -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def some_data(scale: int) -> None:
    for n in range(scale):
        workshop = impact.held_workshop(
            district=["Karachi Central", "Hyderabad", "Sukkur"][n % 3],
            attended=2,
            walk_ins={("women", "18_29"): 3},
            lead_facilitator=impact.ambassador(),
        )
        impact.quiz(workshop)
        impact.phone_answers(workshop, stage="pre", scores=[1, 2])
        impact.phone_answers(workshop, stage="post", scores=[4, 5, 5])
        impact.feedback(workshop, count=2)
    impact.reports(scale, district="Sukkur")


def test_dashboard_query_count_does_not_grow_with_the_data(client):
    coordinator = factories.coordinator("SD")
    client.force_login(coordinator)
    some_data(1)
    small = dashboard_queries(client)
    some_data(8)
    assert dashboard_queries(client) == small == DASHBOARD_QUERIES
    # A chosen district is looked up once (in the scope: else the form says it is not a valid choice).
    for district in [factories.district("Sukkur"), factories.district("Lahore", "PB")]:
        assert (
            dashboard_queries(client, f"/ur/impact/dashboard/?district={district.pk}")
            == DASHBOARD_QUERIES + 1
        )


def test_admin_dashboard_and_exports_have_fixed_query_counts(client):
    client.force_login(factories.admin_user())
    some_data(2)
    assert dashboard_queries(client) == ADMIN_DASHBOARD_QUERIES
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/impact/dashboard/export/reports-by-region.csv")
    assert len(queries) == ADMIN_DASHBOARD_QUERIES - 2  # no choices to list in a file


def test_public_page_is_cached_briefly(client):
    some_data(2)
    with CaptureQueriesContext(connection) as first:
        client.get("/ur/impact/")
    with CaptureQueriesContext(connection) as second:
        client.get("/ur/impact/")
    assert len(first) == FIGURES  # anonymous: no session to read
    assert len(second) == 0
    cache.clear()


@pytest.mark.postgres
def test_dashboard_with_100000_registrations_and_50000_reports(client):
    from incidents.models import Case
    from tests.impact.bulk import bulk_create
    from workshops.models import Registration

    bulk_create()
    assert Registration.objects.count() == 100_000
    assert Case.objects.count() == 50_000
    client.force_login(factories.admin_user())
    client.get("/en/impact/dashboard/")  # warm the connection
    assert dashboard_queries(client, "/en/impact/dashboard/") == ADMIN_DASHBOARD_QUERIES

    coordinator = factories.coordinator("SD")
    client.force_login(coordinator)
    assert dashboard_queries(client) == DASHBOARD_QUERIES
    # Light: every Sindh district has figures, yet HTML and CSS stay under 60 KB (no JavaScript).
    html = client.get("/ur/impact/dashboard/").content
    css = sum((settings.BASE_DIR / "static" / name).stat().st_size for name in CSS)
    assert b"<script" not in html
    assert len(html) + css <= 60_000, (len(html), css)
    text = client.get("/en/impact/dashboard/export/reports-by-region.csv").content.decode("utf-8-sig")
    assert "Lahore" not in text and "Karachi Central" in text
