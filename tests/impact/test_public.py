"""The public impact page: anonymised headline figures and charts, nothing under 5, light."""

import pytest

from tests.impact import factories as impact

pytestmark = pytest.mark.django_db


def test_public_page_shows_headlines_and_charts_in_urdu(client):
    for district in ["Karachi Central", "Hyderabad", "Sukkur", "Larkana", "Dadu"]:
        impact.held_workshop(district=district, attended=6, walk_ins={("women", "18_29"): 5})
    impact.reports(7, category_slug="wallet-otp", district="Sukkur")
    response = client.get("/ur/impact/")
    html = response.content.decode()
    assert response.status_code == 200
    headlines = {headline.label: headline.value for headline in response.context["headlines"]}
    assert list(headlines.values()) == [5, 55, 25, 5, None]  # no active ambassador: fewer than 5
    assert html.count("<svg") == 4 and 'direction="rtl"' in html
    assert "<script" not in html
    assert len(response.content) < 60_000


def test_nothing_under_5_is_ever_shown(client):
    impact.held_workshop(attended=3, walk_ins={("women", "18_29"): 1})
    impact.reports(2, district="Sukkur")
    response = client.get("/en/impact/")
    assert [headline.value for headline in response.context["headlines"]] == [None] * 5
    for block in response.context["blocks"]:
        for row in block["table"].rows:
            assert not any(isinstance(cell, int) and cell < 5 for cell in row[1:]), row


def test_public_csv_is_the_page_table(client):
    impact.held_workshop(district="Lahore", province="PB", attended=12)
    text = client.get("/en/impact/export/reach-by-region.csv").content.decode("utf-8-sig")
    assert text.splitlines() == [
        "Province,Workshops held,People reached,Women reached",
        "Punjab,fewer than 5,12,fewer than 5",
    ]
    assert client.get("/en/impact/export/not-yet-reaching.csv").status_code == 404  # staff only
