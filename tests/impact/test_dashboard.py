"""The coordinator's dashboard: figures a person would check by hand, scope, filters, bad input."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from tests import factories
from tests.impact import factories as impact

pytestmark = pytest.mark.django_db

PUNJAB_NAMES = ["Lahore", "Punjab", "لاہور"]


@pytest.fixture
def two_provinces():
    """Sindh: two workshops in Karachi Central, one in Hyderabad. Punjab: one big one in Lahore."""
    ambassador = impact.ambassador()
    karachi = impact.held_workshop(
        attended=6,
        registered_only=2,
        walk_ins={("women", "18_29"): 7, ("men", "30_49"): 3},
        lead_facilitator=ambassador,
        topics=["scams-fraud", "rights-privacy"],
    )
    impact.quiz(karachi, people=10, pre=40, post=70)  # 40% -> 70%: +30 points
    hyderabad = impact.held_workshop(district="Hyderabad", attended=4)
    # Phones, in another module of the topic: 2 people before (3/10 right), 2 after (9/10): +60 points.
    impact.phone_answers(hyderabad, stage="pre", scores=[1, 2], topic="rights-privacy")
    impact.phone_answers(hyderabad, stage="post", scores=[4, 5], topic="rights-privacy")
    impact.feedback(karachi, useful=4, count=3)
    impact.feedback(karachi, useful=2, confidence="same", recommend=False, count=1)
    impact.held_workshop(attended=5, women_only=True, audience="women_girls", language="sd")
    impact.held_workshop(district="Lahore", province="PB", attended=40, walk_ins={("women", "50_plus"): 11})
    impact.ambassador(district=factories.district("Lahore", "PB"))
    # Not held: a draft, a cancelled one, and one next week.
    impact.held_workshop(attended=9, status="draft")
    impact.held_workshop(attended=9, status="cancelled")
    impact.held_workshop(attended=0, days_ago=-7, status="published")
    impact.reports(12, category_slug="blackmail", district="Lahore", province="PB")
    return ambassador


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.content.decode("utf-8-sig")


def test_coordinator_sees_the_figures_of_their_province(client, two_provinces):
    client.force_login(factories.coordinator("SD"))
    response = client.get("/en/impact/dashboard/")
    figures = response.context["figures"]
    assert figures.total.workshops == 3
    assert (figures.total.registered, figures.total.attended, figures.total.walk_ins) == (17, 15, 10)
    assert figures.total.people == 25
    assert figures.total.women == 7 + 5  # women walk-ins + those who attended the women-only workshop
    assert figures.districts_reached == 2
    assert (figures.ambassadors.total, figures.ambassadors.active) == (1, 1)
    # Paper totals and phone answers together: (30 x 10 people + 60 x 2 people) / 12 people.
    assert figures.gain.points == 35.0
    assert figures.gain_by_topic["scams-fraud"].points == 30.0
    assert figures.gain_by_topic["rights-privacy"].points == 60.0
    assert figures.feedback.responses == 4 and figures.feedback.useful_average == 3.5
    assert figures.feedback.would_recommend_share == 75.0
    html = response.content.decode()
    assert "Karachi Central" in html and "Hyderabad" in html
    for name in PUNJAB_NAMES:
        assert name not in html


def test_no_export_of_a_sindh_coordinator_contains_anything_from_punjab(client, two_provinces):
    client.force_login(factories.coordinator("SD"))
    page = client.get("/en/impact/dashboard/")
    slugs = [block["table"].slug for block in page.context["blocks"]]
    assert len(slugs) >= 12
    for slug in slugs:
        text = get(client, f"/en/impact/dashboard/export/{slug}.csv")
        for name in PUNJAB_NAMES:
            assert name not in text, (slug, name)
    # The whole-scope numbers exclude Punjab too: 40 Lahore participants are nowhere.
    people = get(client, "/en/impact/dashboard/export/reach-by-region.csv")
    assert "Karachi Central,2,13,11,10,21,12" in people
    assert ",40," not in people and ",51," not in people


def test_admin_sees_every_province_grouped_by_province(client, two_provinces):
    client.force_login(factories.admin_user())
    response = client.get("/en/impact/dashboard/")
    assert response.context["figures"].total.people == 25 + 51
    text = get(client, "/en/impact/dashboard/export/reach-by-region.csv")
    assert text.splitlines()[0].startswith("Province,")
    assert "Punjab,1,40,40,11,51,11" in text
    assert "Sindh,3,17,15,10,25,12" in text
    # Choosing Punjab then shows its districts.
    punjab = factories.province("PB")
    text = get(client, f"/en/impact/dashboard/export/reach-by-region.csv?province={punjab.pk}")
    assert text.splitlines()[0].startswith("District,") and "Lahore," in text and "Karachi" not in text


def test_district_filter_narrows_the_figures(client, two_provinces):
    client.force_login(factories.coordinator("SD"))
    hyderabad = factories.district("Hyderabad")
    response = client.get(f"/en/impact/dashboard/?district={hyderabad.pk}")
    assert response.context["figures"].total.people == 4
    # Every download link keeps the filter.
    assert f"reach-by-region.csv?district={hyderabad.pk}" in response.content.decode()


def test_a_district_outside_the_scope_is_refused_not_shown(client, two_provinces):
    client.force_login(factories.coordinator("SD"))
    lahore = factories.district("Lahore", "PB")
    response = client.get(f"/en/impact/dashboard/?district={lahore.pk}")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert response.context["figures"].total.people == 25  # the whole scope, never Lahore
    assert (
        client.get(f"/en/impact/dashboard/export/reach-by-region.csv?district={lahore.pk}").status_code == 404
    )


@pytest.mark.parametrize(
    "query, message",
    [
        ("date_from=2025-13-45", "Enter a valid date."),
        ("date_from=2025-06-01&date_to=2025-01-01", "The start of the period must be on or before its end."),
        ("date_from=1900-01-01&date_to=2025-01-01", "Choose a period of at most 10 years."),
        ("province=abc&district=%E2%80%8B", "Select a valid choice"),
    ],
)
def test_bad_filters_say_what_is_wrong_and_keep_what_was_typed(client, two_provinces, query, message):
    client.force_login(factories.coordinator("SD"))
    response = client.get(f"/en/impact/dashboard/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if "2025-06-01" in query:
        assert 'value="2025-06-01"' in html


def test_dates_in_eastern_arabic_digits_are_understood(client, two_provinces):
    client.force_login(factories.coordinator("SD"))
    today = timezone.localdate()
    start = today - datetime.timedelta(days=12)
    eastern = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    response = client.get(
        "/ur/impact/dashboard/",
        {
            "date_from": start.isoformat().translate(eastern),
            "date_to": "\u200b" + today.isoformat().translate(eastern),
        },
    )
    assert response.context["form"].is_valid()
    assert response.context["figures"].selection.start == start
    # Only the three workshops of the last 12 days... all of them are 10 days old.
    assert response.context["figures"].total.workshops == 3


def test_old_workshops_fall_outside_the_period(client):
    impact.held_workshop(attended=5, days_ago=400)
    impact.held_workshop(attended=7, days_ago=20)
    client.force_login(factories.coordinator("SD"))
    assert client.get("/en/impact/dashboard/").context["figures"].total.attended == 7
    old = (timezone.localdate() - datetime.timedelta(days=400)).isoformat()
    response = client.get(f"/en/impact/dashboard/?date_from={old}")
    assert response.context["figures"].total.attended == 12


def test_where_the_movement_is_not_yet_reaching_is_listed_first(client):
    # Sukkur: 9 reports this month, none before, no workshop: not yet reached.
    impact.reports(9, district="Sukkur")
    # Karachi Central: rising too, but three workshops in the last 90 days.
    impact.reports(7, district="Karachi Central")
    for _n in range(3):
        impact.held_workshop(attended=5, days_ago=30)
    # Hyderabad: one workshop and a couple of reports: named for its workshop, reports hidden.
    impact.held_workshop(district="Hyderabad", attended=5, days_ago=100)
    impact.held_workshop(district="Hyderabad", attended=5, days_ago=5)
    impact.reports(2, district="Hyderabad")
    client.force_login(factories.coordinator("SD"))
    response = client.get("/en/impact/dashboard/")
    table = next(b["table"] for b in response.context["blocks"] if b["table"].slug == "not-yet-reaching")
    assert [row[0] for row in table.rows] == ["Sukkur", "Karachi Central", "Hyderabad"]
    assert table.rows[0][2:] == [9, None, 0, True]
    assert table.rows[1][-1] is False
    assert table.rows[2][2:] == [None, None, 1, False]
    html = response.content.decode()
    assert html.index("Where the movement is not yet reaching") < html.index("People reached by district")
    text = get(client, "/en/impact/dashboard/export/not-yet-reaching.csv")
    assert "Sukkur,Sindh,9,fewer than 5,0,Yes" in text


def test_ambassadors_by_level_and_who_is_active(client):
    active = impact.ambassador(level="master_trainer")
    impact.ambassador(level="certified")
    impact.ambassador(level="trainee")
    impact.ambassador(level="applicant")
    gone = impact.ambassador(level="certified")
    User.objects.filter(pk=gone.user_id).update(is_active=False)
    workshop = impact.held_workshop(attended=5)
    workshop.co_facilitators.add(active)
    client.force_login(factories.coordinator("SD"))
    text = get(client, "/en/impact/dashboard/export/ambassadors-by-level.csv")
    assert text.splitlines()[1:] == [
        "Applicant,1,0",
        "Trainee,1,0",
        "Certified ambassador,1,0",
        "Master trainer,1,1",
    ]


def test_xlsx_export_opens_with_numbers_as_numbers(client, two_provinces):
    import io

    from openpyxl import load_workbook

    client.force_login(factories.coordinator("SD"))
    response = client.get("/ur/impact/dashboard/export/reach-by-region.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "ضلع"
    assert rows[1][1:] == (2, 13, 11, 10, 21, 12)


def test_unknown_table_or_format_is_not_found(client):
    client.force_login(factories.coordinator("SD"))
    assert client.get("/en/impact/dashboard/export/nothing.csv").status_code == 404
    assert client.get("/en/impact/dashboard/export/reach-by-region.pdf").status_code == 404
